import { WaiterFailureError } from '@upkit/core-http';
import { brandError } from '@upkit/core-http/internal';
import type { ScenarioUpload } from '@upkit/schemas/scenario/standard';

/**
 * `uploads.waitForProcessing()` saw the upload reach `failed`: Scenario could not validate or
 * import the file (a missing part, a part under the minimum size, bytes that do not match the
 * content type…). `errorMessage` is Scenario's explanation.
 */
export class UploadFailedError extends WaiterFailureError<ScenarioUpload> {
  /** The failed upload's id. */
  declare readonly uploadId: string;
  /** Scenario's explanation of the failure, when it gave one. */
  declare readonly errorMessage: string | undefined;

  constructor(init: { value: ScenarioUpload; attempts: number }) {
    const { value } = init;
    const reason = value.errorMessage ? `: ${value.errorMessage}` : '';
    super({ ...init, message: `Upload ${value.id} failed${reason}` });
    this.uploadId = value.id;
    this.errorMessage = value.errorMessage;
  }
}
brandError(UploadFailedError, 'UploadFailedError');
