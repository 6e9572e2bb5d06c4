import { brandClass, brandSymbol, hasBrand } from './brand.js';

const BRAND = brandSymbol('UpkitError');

/**
 * The base of every error upkit throws. Catch it to catch everything that came from the SDK.
 *
 * The hierarchy:
 * - {@link APIError}: the server answered with a non-2xx status (one subclass per common status).
 * - {@link APIConnectionError}: no usable answer (DNS, refused, reset, body cut short);
 *   {@link APITimeoutError} is a connection error, because a timeout is one way of not getting an
 *   answer and callers that handle "network trouble" should handle it too (as in openai-node).
 * - {@link APIUserAbortError}: your AbortSignal fired.
 * - {@link RequestValidationError}, {@link ResponseValidationError}, {@link ConfigurationError},
 *   {@link WaiterTimeoutError}, {@link WaiterFailureError}.
 *
 * Deliberately not subclasses:
 * - {@link APIUserAbortError} and {@link APITimeoutError} are not {@link APIError}s: no status
 *   exists. A user abort is not a connection error either: it is never retried and never "network
 *   trouble", so `catch (e) { if (e instanceof APIConnectionError) retryLater() }` must not catch it.
 * - Validation errors are not {@link APIError}s even when the server sent the bad payload: the HTTP
 *   exchange succeeded; the contract did not.
 * - Errors thrown by your own code (auth providers, middleware, a custom `fetch` that throws a
 *   non-network error, waiter `poll` functions, loggers) are not wrapped: they propagate unchanged,
 *   so you can catch your own types.
 *
 * Errors never hold credentials; their URLs are redacted and `toJSON()` lists only safe fields.
 */
export class UpkitError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(this, UpkitError, BRAND, value);
  }

  /** A plain, credential-free summary (what `JSON.stringify(error)` shows). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message };
  }
}
brandClass(UpkitError, 'UpkitError');

/** True for any error thrown by upkit, including ones from another copy of this package. */
export function isUpkitError(value: unknown): value is UpkitError {
  return value instanceof UpkitError;
}
