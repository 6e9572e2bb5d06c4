import { APIError } from './api-error.js';
import { brandClass, brandSymbol, hasBrand } from './brand.js';

const BRAND = brandSymbol('BadRequestError');

/** HTTP 400: the request was malformed or a value was invalid. */
export class BadRequestError extends APIError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(this, BadRequestError, BRAND, value);
  }

  declare readonly status: 400;
}
brandClass(BadRequestError, 'BadRequestError');
