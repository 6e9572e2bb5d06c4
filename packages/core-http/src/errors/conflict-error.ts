import { APIError } from './api-error.js';
import { brand } from './brand.js';

/** HTTP 409: the resource is in a state that conflicts with the request. Retried for idempotent requests. */
export class ConflictError extends APIError {
  declare readonly status: 409;
}
brand(ConflictError, 'ConflictError');
