import { WaiterFailureError } from '@upkit/core-http';
import type { CadenyaUpload } from '@upkit/schemas/cadenya/standard';

/**
 * `uploads.waitUntilComplete()` saw the upload reach `UPLOAD_STATUS_EXPIRED`: its upload URL elapsed without a PUT, so no file will ever arrive: create a new upload.
 */
export class UploadExpiredError extends WaiterFailureError<CadenyaUpload> {
  /** The upload's id. */
  declare readonly uploadId: string;

  constructor(init: { value: CadenyaUpload; attempts: number }) {
    const id = init.value.metadata.id;
    super({
      ...init,
      message: `Upload ${id} is expired: it can no longer be used; create a new upload`,
    });
    this.uploadId = id;
  }
}
Object.defineProperty(UploadExpiredError.prototype, 'name', {
  value: 'UploadExpiredError',
  writable: true,
  configurable: true,
});
