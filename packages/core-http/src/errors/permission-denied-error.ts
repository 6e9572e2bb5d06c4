import { APIError } from './api-error.js';
import { brandClass, brandSymbol, hasBrand } from './brand.js';

const BRAND = brandSymbol('PermissionDeniedError');

/** HTTP 403: authenticated, but not allowed (also what storage answers for a bad or expired presigned URL). */
export class PermissionDeniedError extends APIError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(this, PermissionDeniedError, BRAND, value);
  }

  declare readonly status: 403;
}
brandClass(PermissionDeniedError, 'PermissionDeniedError');
