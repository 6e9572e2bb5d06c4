import { isAPIError } from '@upkit/core-http';
import type { ResumeToken } from '../resume/resume-token.js';
import type {
  OnUrlRefresh,
  ReopenResult,
  TargetSession,
  UploadTarget,
} from '../targets/upload-target.js';
import { expiresSoon, expiryOf, type SignedUrl } from './url-expiry.js';

/** Cadenya's largest upload: one PUT, S3's 5 GiB. */
export const CADENYA_MAX_FILE_SIZE = 5 * 2 ** 30;

/** The part of a Cadenya upload the target reads. */
export interface CadenyaUploadShape {
  readonly metadata: { readonly id: string };
  readonly info: {
    readonly uploadUrl: string;
    readonly status: string;
    readonly uploadUrlExpiresAt?: string | undefined;
  };
}

type CallOptions = {
  signal?: AbortSignal | undefined;
  retryNonIdempotent?: boolean | undefined;
};

/** What the target needs of a `Cadenya` client (from `@upkit/cadenya-client`): its `uploads`. */
export interface CadenyaClientShape<TUpload extends CadenyaUploadShape> {
  readonly uploads: {
    create(
      params: {
        metadata: {
          name: string;
          externalId?: string | undefined;
          labels?: Record<string, string> | undefined;
        };
        spec: { filename: string; contentType: string; sizeBytes: number };
        workspaceId?: string | undefined;
      },
      options?: CallOptions,
    ): PromiseLike<TUpload>;
    retrieve(
      id: string,
      params?: { workspaceId?: string | undefined },
      options?: CallOptions,
    ): PromiseLike<TUpload>;
    waitUntilComplete(
      id: string,
      options?: {
        workspaceId?: string | undefined;
        signal?: AbortSignal | undefined;
        intervalMs?: number | undefined;
        timeoutMs?: number | undefined;
      },
    ): Promise<TUpload>;
  };
}

/** Options of {@link cadenyaTarget}. */
export interface CadenyaTargetOptions {
  /** @default the client's `workspaceId` (or CADENYA_WORKSPACE_ID) */
  readonly workspaceId?: string | undefined;
  /** `metadata.name`. @default the file name */
  readonly name?: string | undefined;
  readonly labels?: Record<string, string> | undefined;
  readonly externalId?: string | undefined;
  /** Pause between polls until storage confirms the file. @default 1000 */
  readonly pollIntervalMs?: number | undefined;
  /** @default 300000 */
  readonly processingTimeoutMs?: number | undefined;
}

/**
 * Cadenya as an upload target: one PUT of the whole file with exactly the signed Content-Type and
 * Content-Length, then polling until `UPLOAD_STATUS_COMPLETE`. Uploads are one-shot: when the URL
 * expires before the PUT, a new upload is created, and the refresh event names both ids.
 */
export function cadenyaTarget<TUpload extends CadenyaUploadShape>(
  client: CadenyaClientShape<TUpload>,
  options: CadenyaTargetOptions = {},
): UploadTarget<TUpload> {
  const { workspaceId } = options;
  const params = workspaceId === undefined ? {} : { workspaceId };
  const scope = workspaceId === undefined ? undefined : { workspaceId };

  const create = (name: string, size: number, contentType: string, signal: AbortSignal) =>
    client.uploads.create(
      {
        metadata: {
          name: options.name ?? name,
          ...(options.externalId === undefined ? {} : { externalId: options.externalId }),
          ...(options.labels === undefined ? {} : { labels: options.labels }),
        },
        spec: { filename: name, contentType, sizeBytes: size },
        ...params,
      },
      // Retried on 5xx and resets: a create whose answer was lost leaves an unused pending
      // upload, which expires, rather than failing the whole transfer.
      { signal, retryNonIdempotent: true },
    );

  const open = (
    first: TUpload,
    input: { name: string; size: number; contentType: string },
    onUrlRefresh: OnUrlRefresh,
  ): TargetSession<TUpload> => {
    let upload = first;
    let signed: SignedUrl = {
      url: upload.info.uploadUrl,
      expiresAt: expiryOf(upload.info.uploadUrlExpiresAt),
      receivedAt: Date.now(),
    };
    return {
      get uploadId() {
        return upload.metadata.id;
      },
      scope,
      async partUrl(_part, need, signal) {
        if (need === 'expired' || expiresSoon(signed, Date.now())) {
          // Uploads are one-shot and their URL cannot be re-signed: a new upload replaces this one.
          const replacedUploadId = upload.metadata.id;
          upload = await create(input.name, input.size, input.contentType, signal);
          signed = {
            url: upload.info.uploadUrl,
            expiresAt: expiryOf(upload.info.uploadUrlExpiresAt),
            receivedAt: Date.now(),
          };
          onUrlRefresh({
            reason: need === 'expired' ? 'expired' : 'expiring',
            parts: [1],
            uploadId: upload.metadata.id,
            replacedUploadId,
          });
        }
        return { url: signed.url, headers: { 'content-type': input.contentType } };
      },
      complete: async () => {},
      waitUntilProcessed: (signal) =>
        client.uploads.waitUntilComplete(upload.metadata.id, {
          ...params,
          signal,
          intervalMs: options.pollIntervalMs,
          timeoutMs: options.processingTimeoutMs,
        }),
    };
  };

  return {
    name: 'cadenya',
    scope,
    limits: { maxSize: CADENYA_MAX_FILE_SIZE, multipart: false, minPartSize: 1, maxParts: 1 },
    async create(input, signal, onUrlRefresh) {
      return open(
        await create(input.name, input.size, input.contentType, signal),
        input,
        onUrlRefresh,
      );
    },
    async reopen(token: ResumeToken, signal, onUrlRefresh): Promise<ReopenResult<TUpload>> {
      let upload: TUpload;
      try {
        upload = await client.uploads.retrieve(token.uploadId, params, { signal });
      } catch (error) {
        if (isAPIError(error) && error.status === 404) return { stale: 'missing' };
        throw error;
      }
      if (upload.info.status !== 'UPLOAD_STATUS_PENDING') return { stale: upload.info.status };
      const input = {
        name: token.fingerprint.name ?? 'upload',
        size: token.fingerprint.size,
        contentType: token.contentType,
      };
      return { session: open(upload, input, onUrlRefresh) };
    },
  };
}
