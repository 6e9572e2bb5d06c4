import { brandError } from '@upkit/core-http/internal';
import { UploadUnusableError } from './upload-unusable-error.js';

/**
 * `uploads.waitUntilComplete()` saw the upload reach `UPLOAD_STATUS_EXPIRED`: its upload URL
 * elapsed without a PUT, so no file will ever arrive: create a new upload.
 */
export class UploadExpiredError extends UploadUnusableError {}
brandError(UploadExpiredError, 'UploadExpiredError');
