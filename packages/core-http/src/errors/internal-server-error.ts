import { APIError } from './api-error.js';
import { brandClass, brandSymbol, hasBrand } from './brand.js';

const BRAND = brandSymbol('InternalServerError');

/** Any HTTP 5xx. Retried for idempotent requests. */
export class InternalServerError extends APIError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(this, InternalServerError, BRAND, value);
  }
}
brandClass(InternalServerError, 'InternalServerError');
