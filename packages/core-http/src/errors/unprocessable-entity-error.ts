import { APIError } from './api-error.js';
import { brand } from './brand.js';

/** HTTP 422: well-formed but semantically invalid. */
export class UnprocessableEntityError extends APIError {
  declare readonly status: 422;
}
brand(UnprocessableEntityError, 'UnprocessableEntityError');
