import type { ValidationMode } from './config/client-config.js';
import type { HeadersInput } from './headers/merge-headers.js';
import type { HttpMethod } from './operation.js';

/** Per-call options of `request()` and `send()`; each overrides the client's setting. */
export interface RequestOptions {
  /** Aborts the call (waiting for a retry included) with an `APIUserAbortError`. */
  signal?: AbortSignal;
  /** Time limit of each attempt. @default the client's `timeoutMs` (60000) */
  timeoutMs?: number;
  /** Time limit of the whole call, retries included. @default the client's `deadlineMs` (none) */
  deadlineMs?: number;
  /** @default the client's `maxRetries` (2) */
  maxRetries?: number;
  /** Added to (and overriding) the client's headers; `null` removes one. */
  headers?: HeadersInput;
  /**
   * An idempotency key for this call, sent in the same header on every attempt, which makes a POST
   * or PATCH retryable. `true` generates one; `false` sends none even with `autoIdempotencyKey`.
   */
  idempotencyKey?: string | boolean;
  /** Retry this POST/PATCH without an idempotency key. @default the client's setting (false) */
  retryNonIdempotent?: boolean;
  /** Extra query parameters, applied over the operation's. */
  query?: Record<string, unknown>;
  /** Another base URL for this call only (checked like the client's). */
  baseUrl?: string;
}

/** Options of `request()`: {@link RequestOptions} plus response validation. */
export interface OperationRequestOptions extends RequestOptions {
  /** @default the client's `validation` ('strict') */
  validation?: ValidationMode;
}

/** A request that is not an operation, for `send()`. */
export interface SendOptions extends RequestOptions {
  method: HttpMethod;
  /**
   * A path appended to the base URL as is (encode parameters with `encodePathParam`), or an
   * absolute URL (e.g. a presigned storage URL). Auth and the client's headers are only sent to the
   * base URL's origin.
   */
  url: string | URL;
  /** A raw body. A ReadableStream is sent once and never retried. */
  body?: BodyInit | null;
  /** A JSON body (sets `content-type: application/json`); exclusive with `body`. */
  json?: unknown;
  /** Whether repeating the request is safe. @default true for GET, HEAD, PUT and DELETE */
  idempotent?: boolean;
}
