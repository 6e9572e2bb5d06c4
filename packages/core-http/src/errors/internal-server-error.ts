import { APIError } from './api-error.js';
import { brand } from './brand.js';

/** Any HTTP 5xx. Retried for idempotent requests. */
export class InternalServerError extends APIError {}
brand(InternalServerError, 'InternalServerError');
