import { APIPromise, waitFor } from '@upkit/core-http';
import type { OperationRequestOptions } from '@upkit/core-http';
import type {
  CadenyaCreateUploadRequest,
  CadenyaUpload,
  CadenyaUploadSpecRequest,
} from '@upkit/schemas/cadenya/standard';
import { UploadConsumedError } from './errors/upload-consumed-error.js';
import { UploadExpiredError } from './errors/upload-expired-error.js';
import { UploadsResource } from './generated/resources.js';
import type { UploadsRetrieveParams } from './generated/resources.js';
import { toSizeBytes, type SizeBytesInput } from './size-bytes.js';

/** The workspace a call acts in: the `params` of {@link Uploads.retrieve}. */
export type WorkspaceParams = UploadsRetrieveParams;

/**
 * The `params` of {@link Uploads.create}: the body's fields (the wire's, with `spec.sizeBytes` as
 * a number, bigint or string) and `workspaceId`.
 */
export interface CreateUploadParams
  extends Omit<CadenyaCreateUploadRequest, 'spec'>, UploadsRetrieveParams {
  spec: Omit<CadenyaUploadSpecRequest, 'sizeBytes'> & {
    /** The exact byte count that will be PUT (signed into the URL). Sent as a decimal string. */
    sizeBytes: SizeBytesInput;
  };
}

/** Options of {@link Uploads.waitUntilComplete}. */
export interface WaitUntilCompleteOptions extends WorkspaceParams {
  /** The pause between polls, in milliseconds (jittered ±20 %). @default 1000 */
  intervalMs?: number | undefined;
  /** Give up after this long: a `WaiterTimeoutError` carrying the last upload seen. @default 300000 */
  timeoutMs?: number | undefined;
  /** Stops waiting with an `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
}

/** `client.uploads`: the generated operations plus the lifecycle helper. */
export class Uploads extends UploadsResource {
  /**
   * Create an upload: issues a short-lived presigned URL (`info.uploadUrl`). PUT the file to it
   * with exactly `spec.contentType` and a body of exactly `spec.sizeBytes` bytes (both are
   * signed), then reference the upload by `metadata.id`.
   *
   * `POST /v1/workspaces/{workspaceId}/uploads` (UploadService_CreateUpload)
   *
   * @param params - The body's fields (`metadata`, `spec`; `spec.sizeBytes` may be a number, e.g.
   * `file.size`, a bigint or a decimal string), and `workspaceId`.
   * @param options - Per-call options (signal, timeout, retries, headers, idempotency key…).
   * @throws InvalidSizeBytesError (rejected, nothing sent) for a negative, fractional or unsafe size.
   */
  override create(
    params: CreateUploadParams,
    options?: OperationRequestOptions,
  ): APIPromise<CadenyaUpload> {
    let sizeBytes: string;
    try {
      sizeBytes = toSizeBytes(params.spec.sizeBytes);
    } catch (error) {
      return new APIPromise<CadenyaUpload>(Promise.reject(error));
    }
    return super.create({ ...params, spec: { ...params.spec, sizeBytes } }, options);
  }

  /**
   * Polls the upload until storage has the file (`UPLOAD_STATUS_COMPLETE`) and resolves to it.
   * `PENDING` (and `UNSPECIFIED`) keep it waiting.
   *
   * @throws UploadExpiredError when it reaches `UPLOAD_STATUS_EXPIRED` (the URL elapsed unused).
   * @throws UploadConsumedError when it reads `UPLOAD_STATUS_CONSUMED`: it was complete, but a
   * resource already used it, so it cannot be used again.
   * @throws WaiterTimeoutError after `timeoutMs`, with the last upload seen as `lastValue`.
   * @throws APIUserAbortError when `signal` aborts; any error of `retrieve`.
   */
  waitUntilComplete(id: string, options: WaitUntilCompleteOptions = {}): Promise<CadenyaUpload> {
    const { workspaceId, signal } = options;
    const intervalMs = options.intervalMs ?? 1000;
    return waitFor<CadenyaUpload>({
      poll: (pollSignal) => this.retrieve(id, { workspaceId }, { signal: pollSignal }),
      isSuccess: (u) => u.info.status === 'UPLOAD_STATUS_COMPLETE',
      isFailure: (u) =>
        u.info.status === 'UPLOAD_STATUS_EXPIRED' || u.info.status === 'UPLOAD_STATUS_CONSUMED',
      failureError: (value, attempts) =>
        value.info.status === 'UPLOAD_STATUS_EXPIRED'
          ? new UploadExpiredError({ value, attempts })
          : new UploadConsumedError({ value, attempts }),
      minDelayMs: intervalMs,
      maxDelayMs: intervalMs,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(signal === undefined ? {} : { signal }),
    });
  }
}
