import type { ValidationMode } from './client/client-options.js';
import type { FetchOptions } from './config/fetch-options.js';
import type { HeadersInput } from './headers/merge-headers.js';
import type { HttpMethod } from './operation.js';

/**
 * Per-call options of `request()` and `send()`. Those that exist on the client too have the same
 * names as there (`ClientOptions`) and override the client's setting for this call.
 */
export interface RequestOptions {
  /** Aborts the call (waiting for a retry included) with an `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Time limit of each attempt, in ms. @default the client's `timeout` (60000) */
  timeout?: number | undefined;
  /** Time limit of the whole call, retries included, in ms. @default the client's `deadline` (none) */
  deadline?: number | undefined;
  /** @default the client's `maxRetries` (2) */
  maxRetries?: number | undefined;
  /** @default the client's `maxResponseBytes` (4 MiB) */
  maxResponseBytes?: number | undefined;
  /** Added to (and overriding) the client's `defaultHeaders`; `null` removes one. */
  headers?: HeadersInput | undefined;
  /**
   * An idempotency key for this call, sent in the same header on every attempt, which makes a POST
   * or PATCH retryable. `true` generates one; `false` sends none even with `autoIdempotencyKey`.
   * @default the client's `autoIdempotencyKey` (none)
   */
  idempotencyKey?: string | boolean | undefined;
  /** Retry this POST/PATCH without an idempotency key. @default the client's setting (false) */
  retryNonIdempotent?: boolean | undefined;
  /** Extra query parameters, applied over the operation's. @default none */
  query?: Record<string, unknown> | undefined;
  /** Another base URL for this call only (checked like the client's). @default the client's */
  baseURL?: string | undefined;
  /** Applied over the client's `fetchOptions` (the same fields are refused). @default none */
  fetchOptions?: FetchOptions | undefined;
}

/** Options of `request()`: {@link RequestOptions} plus response validation. */
export interface OperationRequestOptions extends RequestOptions {
  /** @default the client's `validation` ('strict') */
  validation?: ValidationMode | undefined;
}

/** A request that is not an operation, for `send()`. */
export interface SendOptions extends RequestOptions {
  method: HttpMethod;
  /**
   * A path appended to the base URL as is (encode parameters with `encodePathParam`), or an
   * absolute URL (e.g. a presigned storage URL). Auth and the client's default headers are only
   * sent to URLs under the base URL's path, and never to a presigned URL.
   */
  url: string | URL;
  /** A raw body. A ReadableStream is sent once and never retried. */
  body?: BodyInit | null | undefined;
  /** A JSON body (sets `content-type: application/json`); exclusive with `body`. */
  json?: unknown;
  /** Whether repeating the request is safe. @default true for GET, HEAD, PUT and DELETE */
  idempotent?: boolean | undefined;
}
