import { RequestValidationError } from '@upkit/core-http';
import { brandError } from '@upkit/core-http/internal';

/**
 * `uploads.create()` was given a `spec.sizeBytes` that is not a byte count: negative, fractional,
 * beyond `Number.MAX_SAFE_INTEGER` (the value may already have lost precision: pass a bigint or a
 * string), or a string that is not a decimal integer. Nothing was sent.
 */
export class InvalidSizeBytesError extends RequestValidationError {
  constructor(reason: string) {
    super([{ path: ['body', 'spec', 'sizeBytes'], message: reason }], {
      operationId: 'UploadService_CreateUpload',
    });
  }
}
brandError(InvalidSizeBytesError, 'InvalidSizeBytesError');
