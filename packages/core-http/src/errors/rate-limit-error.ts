import { APIError, type APIErrorInit } from './api-error.js';
import { brand } from './brand.js';

/** HTTP 429. Retried (for idempotent requests) after the delay the server asks for. */
export class RateLimitError extends APIError {
  declare readonly status: 429;
  /**
   * How long the server asked to wait, in milliseconds: from `retry-after-ms`, `Retry-After`
   * (seconds or an HTTP date) or Scenario's body field `remainingSeconds`. Undefined if it did not say.
   */
  declare readonly retryAfterMs: number | undefined;

  constructor(init: APIErrorInit) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}
brand(RateLimitError, 'RateLimitError');
