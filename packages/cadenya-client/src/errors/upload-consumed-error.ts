import { brandError } from '@upkit/core-http/internal';
import { UploadUnusableError } from './upload-unusable-error.js';

/**
 * `uploads.waitUntilComplete()` saw the upload reach `UPLOAD_STATUS_CONSUMED`: a resource (a memory
 * entry, a tool set) already used it; uploads are one-shot: create a new upload.
 */
export class UploadConsumedError extends UploadUnusableError {}
brandError(UploadConsumedError, 'UploadConsumedError');
