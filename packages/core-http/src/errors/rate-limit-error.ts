import { APIError, type APIErrorInit } from './api-error.js';
import { brandClass, brandSymbol, hasBrand } from './brand.js';

const BRAND = brandSymbol('RateLimitError');

/** HTTP 429. Retried (for idempotent requests) after the delay the server asks for. */
export class RateLimitError extends APIError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(this, RateLimitError, BRAND, value);
  }

  declare readonly status: 429;
  /**
   * How long the server asked to wait, in milliseconds: from `retry-after-ms`, `Retry-After`
   * (seconds or an HTTP date) or Scenario's body field `remainingSeconds`. Undefined if it did not say.
   */
  readonly retryAfterMs: number | undefined;

  constructor(init: APIErrorInit) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}
brandClass(RateLimitError, 'RateLimitError');
