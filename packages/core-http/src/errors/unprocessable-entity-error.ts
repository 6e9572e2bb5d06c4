import { APIError } from './api-error.js';
import { brandClass, brandSymbol, hasBrand } from './brand.js';

const BRAND = brandSymbol('UnprocessableEntityError');

/** HTTP 422: well-formed but semantically invalid. */
export class UnprocessableEntityError extends APIError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(this, UnprocessableEntityError, BRAND, value);
  }

  declare readonly status: 422;
}
brandClass(UnprocessableEntityError, 'UnprocessableEntityError');
