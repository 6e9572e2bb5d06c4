import { APIError } from './api-error.js';
import { brand } from './brand.js';

/** HTTP 404: no such resource. */
export class NotFoundError extends APIError {
  declare readonly status: 404;
}
brand(NotFoundError, 'NotFoundError');
