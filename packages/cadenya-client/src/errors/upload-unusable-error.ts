import { WaiterFailureError } from '@upkit/core-http';
import { brandError } from '@upkit/core-http/internal';
import type { CadenyaUpload } from '@upkit/schemas/cadenya/standard';

/**
 * `uploads.waitUntilComplete()` saw the upload reach a state it never leaves without being
 * complete ({@link UploadExpiredError}, {@link UploadConsumedError}): create a new upload.
 */
export class UploadUnusableError extends WaiterFailureError<CadenyaUpload> {
  /** The upload's id. */
  declare readonly uploadId: string;

  constructor(init: { value: CadenyaUpload; attempts: number }) {
    const { metadata, info } = init.value;
    // UPLOAD_STATUS_EXPIRED → "expired"
    const state = info.status.replace('UPLOAD_STATUS_', '').toLowerCase();
    super({
      ...init,
      message: `Upload ${metadata.id} is ${state}: it can no longer be used; create a new upload`,
    });
    this.uploadId = metadata.id;
  }
}
brandError(UploadUnusableError, 'UploadUnusableError');
