import { APIError } from './api-error.js';
import { brandClass, brandSymbol, hasBrand } from './brand.js';

const BRAND = brandSymbol('ConflictError');

/** HTTP 409: the resource is in a state that conflicts with the request. Retried for idempotent requests. */
export class ConflictError extends APIError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(this, ConflictError, BRAND, value);
  }

  declare readonly status: 409;
}
brandClass(ConflictError, 'ConflictError');
