import { waitFor } from '@upkit/core-http';
import type { APIPromise, OperationRequestOptions } from '@upkit/core-http';
import type { ScenarioUpload, ScenarioUploadResponse } from '@upkit/schemas/scenario/standard';
import { UploadFailedError } from './errors/upload-failed-error.js';
import { UploadsResource } from './generated/resources.js';
import type { UploadsRetrieveParams } from './generated/resources.js';

/** The query parameters every upload call accepts (`projectId`): the `params` of {@link Uploads.retrieve}. */
export type UploadParams = UploadsRetrieveParams;

/** Options of {@link Uploads.waitForProcessing}. */
export interface WaitForProcessingOptions extends UploadParams {
  /** The pause between polls, in milliseconds (jittered ±20 %). @default 2000 */
  intervalMs?: number | undefined;
  /** Give up after this long: a `WaiterTimeoutError` carrying the last upload seen. @default 300000 */
  timeoutMs?: number | undefined;
  /** Stops waiting with an `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
}

/** An upload Scenario has imported: `entityId` is the asset (or model) it became. */
export type ImportedUpload = ScenarioUpload & { status: 'imported'; entityId: string };

/** `client.uploads`: the generated operations plus the multipart lifecycle helpers. */
export class Uploads extends UploadsResource {
  /**
   * Ends the part uploads of a multipart upload: `triggerAction(uploadId, { action: 'complete',
   * projectId })`.
   * The upload then reads `validating` and moves on by itself; see {@link waitForProcessing}.
   *
   * Not retried unless given an idempotency key: a complete whose answer was lost is seen again
   * as `409 upload_not_pending`.
   */
  complete(
    uploadId: string,
    params: UploadParams = {},
    options?: OperationRequestOptions,
  ): APIPromise<ScenarioUploadResponse> {
    return this.triggerAction(
      uploadId,
      { action: 'complete', projectId: params.projectId },
      options,
    );
  }

  /**
   * Polls the upload until Scenario has imported it (`imported` with an `entityId`, the only safe
   * success test) and resolves to it.
   *
   * @throws UploadFailedError when it reaches `failed` (with Scenario's `errorMessage`).
   * @throws WaiterTimeoutError after `timeoutMs`, with the last upload seen as `lastValue`.
   * @throws APIUserAbortError when `signal` aborts; any error of `retrieve`.
   */
  async waitForProcessing(
    uploadId: string,
    options: WaitForProcessingOptions = {},
  ): Promise<ImportedUpload> {
    const { projectId, signal } = options;
    const intervalMs = options.intervalMs ?? 2000;
    const upload = await waitFor<ScenarioUpload>({
      poll: async (pollSignal) =>
        (await this.retrieve(uploadId, { projectId }, { signal: pollSignal })).upload,
      isSuccess: (u) => u.status === 'imported' && u.entityId !== undefined,
      isFailure: (u) => u.status === 'failed',
      failureError: (value, attempts) => new UploadFailedError({ value, attempts }),
      minDelayMs: intervalMs,
      maxDelayMs: intervalMs,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(signal === undefined ? {} : { signal }),
    });
    return upload as ImportedUpload;
  }
}
