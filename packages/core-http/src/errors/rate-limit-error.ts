import { APIError } from './api-error.js';
import { brand } from './brand.js';

/**
 * HTTP 429. Retried (for idempotent requests) after the delay the server asks for, which
 * `retryAfterMs` (on every {@link APIError}) holds.
 */
export class RateLimitError extends APIError {
  declare readonly status: 429;
}
brand(RateLimitError, 'RateLimitError');
