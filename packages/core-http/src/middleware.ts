import { redactHeaders } from './logging/redact-headers.js';
import { redactUrl } from './url/redact-url.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** One attempt of a request, as middleware sees it. Middleware may change the URL, headers or body. */
export interface MiddlewareRequest {
  readonly method: string;
  url: string;
  /** Already carry auth, User-Agent, idempotency key and per-call headers. */
  readonly headers: Headers;
  body: BodyInit | null;
  /** 1 for the first attempt, 2 for the first retry… */
  readonly attempt: number;
  /** `maxRetries + 1`. */
  readonly maxAttempts: number;
  /** Set when the request came from `client.request(op)`. */
  readonly operationId: string | undefined;
  /** Aborts on the caller's signal, the per-attempt timeout or the deadline. */
  readonly signal: AbortSignal;
}

/** Sends the request on (to the next middleware, or to `fetch`). */
export type MiddlewareNext = (request: MiddlewareRequest) => Promise<Response>;

/**
 * Runs once per attempt, inside the retry loop, so it sees attempt numbers and may add headers
 * (tracing, signing, metrics). Connection errors from `next` are `APIConnectionError`s; anything a
 * middleware throws itself propagates unchanged and is not retried.
 */
export type Middleware = (request: MiddlewareRequest, next: MiddlewareNext) => Promise<Response>;

/** The request object handed to middleware; it prints and serialises without credentials. */
export class AttemptRequest implements MiddlewareRequest {
  url: string;
  body: BodyInit | null;
  readonly method: string;
  readonly headers: Headers;
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly operationId: string | undefined;
  readonly signal: AbortSignal;
  readonly #allowedHeaders: ReadonlySet<string>;
  readonly #allowedQuery: ReadonlySet<string>;

  constructor(
    init: Omit<MiddlewareRequest, never>,
    redaction: { headers: ReadonlySet<string>; query: ReadonlySet<string> },
  ) {
    this.method = init.method;
    this.url = init.url;
    this.headers = init.headers;
    this.body = init.body;
    this.attempt = init.attempt;
    this.maxAttempts = init.maxAttempts;
    this.operationId = init.operationId;
    this.signal = init.signal;
    this.#allowedHeaders = redaction.headers;
    this.#allowedQuery = redaction.query;
  }

  toJSON(): Record<string, unknown> {
    return {
      method: this.method,
      url: redactUrl(this.url, this.#allowedQuery),
      headers: redactHeaders(this.headers, this.#allowedHeaders),
      attempt: this.attempt,
      maxAttempts: this.maxAttempts,
      operationId: this.operationId,
    };
  }

  [INSPECT](): Record<string, unknown> {
    return this.toJSON();
  }
}

/** Runs `middleware` in order around `send`. */
export function runMiddleware(
  middleware: readonly Middleware[],
  request: MiddlewareRequest,
  send: MiddlewareNext,
): Promise<Response> {
  const dispatch = (index: number, current: MiddlewareRequest): Promise<Response> => {
    const layer = middleware[index];
    return layer ? layer(current, (next) => dispatch(index + 1, next)) : send(current);
  };
  return dispatch(0, request);
}
