import { isAPIError } from '@upkit/core-http';
import { MULTIPART_LIMITS } from '../plan/plan-parts.js';
import type { DonePart, ResumeToken } from '../resume/resume-token.js';
import type {
  OnUrlRefresh,
  ReopenResult,
  TargetSession,
  UploadTarget,
} from '../targets/upload-target.js';
import { expiresSoon, expiryOf, type SignedUrl } from './url-expiry.js';

/** Scenario's largest upload: 5 TB, S3's object limit (5 TiB), as its document says. */
export const SCENARIO_MAX_FILE_SIZE = 5 * 2 ** 40;

/** The part of a Scenario upload the target reads. */
export interface ScenarioUploadShape {
  readonly id: string;
  readonly status: string;
  readonly parts?:
    | readonly { readonly number: number; readonly url: string; readonly expires: string }[]
    | undefined;
}

type CallOptions = {
  signal?: AbortSignal | undefined;
  retryNonIdempotent?: boolean | undefined;
};

/** The multipart create body the target sends. */
interface MultipartCreate {
  fileName: string;
  contentType: string;
  fileSize: number;
  parts: number;
  kind: string;
  projectId?: string | undefined;
  assetOptions?: ScenarioTargetOptions['assetOptions'];
}

/** The `kind` values the client's multipart create accepts (its document's enum). */
export type ScenarioKindOf<TParams> = TParams extends { parts: number; kind: infer K } ? K : never;

/** What the target needs of a `Scenario` client (from `@upkit/scenario-client`): its `uploads`. */
export interface ScenarioClientShape<
  TUpload extends ScenarioUploadShape,
  TParams = MultipartCreate,
> {
  readonly uploads: {
    create(params: TParams, options?: CallOptions): PromiseLike<{ upload: TUpload }>;
    retrieve(
      uploadId: string,
      params?: { projectId?: string | undefined },
      options?: CallOptions,
    ): PromiseLike<{ upload: TUpload }>;
    complete(
      uploadId: string,
      params?: { projectId?: string | undefined },
      options?: CallOptions,
    ): PromiseLike<unknown>;
    waitForProcessing(
      uploadId: string,
      options?: {
        projectId?: string | undefined;
        signal?: AbortSignal | undefined;
        intervalMs?: number | undefined;
        timeoutMs?: number | undefined;
      },
    ): Promise<TUpload>;
  };
}

/** Options of {@link scenarioTarget}. */
export interface ScenarioTargetOptions<TKind = string> {
  /** What the file becomes: `model`, `image`, `3d`, `audio`, `video`, `asset`, `avatar`… */
  readonly kind: TKind;
  /** @default the client's `projectId` */
  readonly projectId?: string | undefined;
  readonly assetOptions?:
    | {
        collectionIds?: string[] | undefined;
        hide?: boolean | undefined;
        parentId?: string | undefined;
      }
    | undefined;
  /**
   * The smallest part storage accepts (all but the last). Lower it only for a sandbox configured
   * so (`scenario.minPartSize`).
   * @default 5 MiB
   */
  readonly minPartSize?: number | undefined;
  /** Pause between polls while Scenario processes the file. @default 2000 */
  readonly pollIntervalMs?: number | undefined;
  /** How long processing may take. @default 300000 */
  readonly processingTimeoutMs?: number | undefined;
}

/**
 * Scenario as an upload target: a multipart upload whose parts are PUT in parallel to presigned
 * URLs, then the complete action, then polling until the upload is `imported` with its `entityId`.
 * Expired part URLs are signed afresh by a retrieve while the upload is `pending`.
 */
export function scenarioTarget<TUpload extends ScenarioUploadShape, TParams>(
  client: ScenarioClientShape<TUpload, TParams>,
  options: ScenarioTargetOptions<ScenarioKindOf<TParams>>,
): UploadTarget<TUpload> {
  const { projectId } = options;
  const params = projectId === undefined ? {} : { projectId };

  const open = (
    upload: TUpload,
    contentType: string,
    onUrlRefresh: OnUrlRefresh,
  ): TargetSession<TUpload> => {
    const urls = new Map<number, SignedUrl>();
    const take = (u: TUpload) => {
      const receivedAt = Date.now();
      for (const part of u.parts ?? [])
        urls.set(part.number, { url: part.url, expiresAt: expiryOf(part.expires), receivedAt });
    };
    take(upload);
    let refreshing: Promise<void> | undefined;
    const refresh = (reason: 'expiring' | 'expired', signal: AbortSignal): Promise<void> =>
      (refreshing ??= (async () => {
        try {
          const { upload: fresh } = await client.uploads.retrieve(upload.id, params, { signal });
          take(fresh);
          onUrlRefresh({
            reason,
            parts: (fresh.parts ?? []).map((p) => p.number),
            uploadId: upload.id,
          });
        } finally {
          refreshing = undefined;
        }
      })());
    return {
      uploadId: upload.id,
      scope: projectId === undefined ? undefined : { projectId },
      async partUrl(part, need, signal) {
        let signed = urls.get(part.number);
        if (need === 'expired' || !signed || expiresSoon(signed, Date.now())) {
          await refresh(need === 'expired' ? 'expired' : 'expiring', signal);
          signed = urls.get(part.number);
        }
        if (!signed)
          throw new Error(`Scenario gave no URL for part ${part.number} of upload ${upload.id}`);
        return { url: signed.url, headers: { 'content-type': contentType } };
      },
      async complete(_parts: readonly DonePart[], signal) {
        // Retried like a GET: a repeat of a complete that did land is answered 409, handled below.
        try {
          await client.uploads.complete(upload.id, params, { signal, retryNonIdempotent: true });
        } catch (error) {
          // A complete whose answer was lost is seen again as a conflict: it did complete.
          if (!(isAPIError(error) && error.status === 409)) throw error;
          const { upload: now } = await client.uploads.retrieve(upload.id, params, { signal });
          if (now.status === 'pending') throw error;
        }
      },
      waitUntilProcessed: (signal) =>
        client.uploads.waitForProcessing(upload.id, {
          ...params,
          signal,
          intervalMs: options.pollIntervalMs,
          timeoutMs: options.processingTimeoutMs,
        }),
    };
  };

  return {
    name: 'scenario',
    scope: projectId === undefined ? undefined : { projectId },
    limits: {
      maxSize: SCENARIO_MAX_FILE_SIZE,
      multipart: true,
      minPartSize: options.minPartSize ?? MULTIPART_LIMITS.minPartSize,
      maxParts: MULTIPART_LIMITS.maxParts,
    },
    async create(input, signal, onUrlRefresh) {
      const body: MultipartCreate = {
        fileName: input.name,
        contentType: input.contentType,
        fileSize: input.size,
        parts: input.partCount,
        kind: options.kind as string,
        ...params,
        ...(options.assetOptions ? { assetOptions: options.assetOptions } : {}),
      };
      // The client's params type is a union of the create modes; this is its multipart mode.
      // Retried on 5xx and resets: a create whose answer was lost leaves an unused pending upload,
      // which expires, rather than failing the whole transfer.
      const { upload } = await client.uploads.create(body as TParams, {
        signal,
        retryNonIdempotent: true,
      });
      return open(upload, input.contentType, onUrlRefresh);
    },
    async reopen(token: ResumeToken, signal, onUrlRefresh): Promise<ReopenResult<TUpload>> {
      let upload: TUpload;
      try {
        ({ upload } = await client.uploads.retrieve(token.uploadId, params, { signal }));
      } catch (error) {
        if (isAPIError(error) && error.status === 404) return { stale: 'missing' };
        throw error;
      }
      if (upload.status !== 'pending') return { stale: upload.status };
      return { session: open(upload, token.contentType, onUrlRefresh) };
    },
  };
}
