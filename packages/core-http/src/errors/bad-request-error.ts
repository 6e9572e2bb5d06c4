import { APIError } from './api-error.js';
import { brand } from './brand.js';

/** HTTP 400: the request was malformed or a value was invalid. */
export class BadRequestError extends APIError {
  declare readonly status: 400;
}
brand(BadRequestError, 'BadRequestError');
