import { APIError } from './api-error.js';
import { brandClass, brandSymbol, hasBrand } from './brand.js';

const BRAND = brandSymbol('AuthenticationError');

/** HTTP 401: credentials missing or wrong (check the API key/secret). */
export class AuthenticationError extends APIError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(this, AuthenticationError, BRAND, value);
  }

  declare readonly status: 401;
}
brandClass(AuthenticationError, 'AuthenticationError');
