import { APIError } from './api-error.js';
import { brandClass, brandSymbol, hasBrand } from './brand.js';

const BRAND = brandSymbol('NotFoundError');

/** HTTP 404: no such resource. */
export class NotFoundError extends APIError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(this, NotFoundError, BRAND, value);
  }

  declare readonly status: 404;
}
brandClass(NotFoundError, 'NotFoundError');
