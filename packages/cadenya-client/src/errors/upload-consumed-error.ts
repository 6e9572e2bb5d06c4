import { WaiterFailureError } from '@upkit/core-http';
import type { CadenyaUpload } from '@upkit/schemas/cadenya/standard';

/**
 * `uploads.waitUntilComplete()` saw the upload reach `UPLOAD_STATUS_CONSUMED`: a resource (a memory entry, a tool set) already used it; uploads are one-shot: create a new upload.
 */
export class UploadConsumedError extends WaiterFailureError<CadenyaUpload> {
  /** The upload's id. */
  declare readonly uploadId: string;

  constructor(init: { value: CadenyaUpload; attempts: number }) {
    const id = init.value.metadata.id;
    super({
      ...init,
      message: `Upload ${id} is consumed: it can no longer be used; create a new upload`,
    });
    this.uploadId = id;
  }
}
Object.defineProperty(UploadConsumedError.prototype, 'name', {
  value: 'UploadConsumedError',
  writable: true,
  configurable: true,
});
