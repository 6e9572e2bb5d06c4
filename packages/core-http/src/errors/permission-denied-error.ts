import { APIError } from './api-error.js';
import { brand } from './brand.js';

/** HTTP 403: authenticated, but not allowed (also what storage answers for a bad or expired presigned URL). */
export class PermissionDeniedError extends APIError {
  declare readonly status: 403;
}
brand(PermissionDeniedError, 'PermissionDeniedError');
