import { brand, isBranded } from './brand.js';

/**
 * The fields `toJSON()` shows, when an error has them: never a body, payload, headers or value,
 * which may hold anything the server or the caller put there.
 */
const SAFE_FIELDS =
  'status method url attempts kind timeoutMs operationId requestId code retryAfterMs option env issues reason location maxResponseBytes'.split(
    ' ',
  );

/**
 * The base of every error upkit throws. Catch it to catch everything that came from the SDK.
 *
 * The hierarchy:
 * - {@link APIError}: the server answered with a non-2xx status (one subclass per common status;
 *   {@link RedirectError} for a redirect core-http would not follow).
 * - {@link APIConnectionError}: no usable answer (DNS, refused, reset, body cut short);
 *   {@link APITimeoutError} is a connection error, because a timeout is one way of not getting an
 *   answer and callers that handle "network trouble" should handle it too (as in openai-node).
 * - {@link APIUserAbortError}: your AbortSignal fired.
 * - {@link InvalidResponseError}: a 2xx the client cannot use ({@link ResponseValidationError},
 *   {@link ResponseTooLargeError}).
 * - {@link RequestValidationError}, {@link ConfigurationError}, {@link WaiterTimeoutError},
 *   {@link WaiterFailureError}.
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
 * `instanceof` works across duplicate copies of the package (see `brand`).
 */
export class UpkitError extends Error {
  // Inherited by every subclass: one implementation checks every brand.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBranded(this, value);
  }

  /** A plain, credential-free summary (what `JSON.stringify(error)` shows). */
  toJSON(): Record<string, unknown> {
    const fields = this as unknown as Record<string, unknown>;
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const field of SAFE_FIELDS) if (Object.hasOwn(this, field)) json[field] = fields[field];
    return json;
  }
}
brand(UpkitError, 'UpkitError');

/** True for any error thrown by upkit, including ones from another copy of this package. */
export function isUpkitError(value: unknown): value is UpkitError {
  return value instanceof UpkitError;
}

/** The `ErrorOptions` carrying `cause`, if there is one (an explicit `undefined` cause is none). */
export function withCause(cause: unknown): ErrorOptions | undefined {
  return cause === undefined ? undefined : { cause };
}

/** `GET https://api.x.com/v1/uploads/u → `, the start of every message about a request. */
export function requestPrefix(method: string, url: string): string {
  return `${method} ${url} → `;
}
