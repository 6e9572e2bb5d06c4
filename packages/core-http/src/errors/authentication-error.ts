import { APIError } from './api-error.js';
import { brand } from './brand.js';

/** HTTP 401: credentials missing or wrong (check the API key/secret). */
export class AuthenticationError extends APIError {
  declare readonly status: 401;
}
brand(AuthenticationError, 'AuthenticationError');
