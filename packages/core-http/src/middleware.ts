import { INSPECT } from './inspect-symbol.js';
import { redactHeaders } from './logging/redact-headers.js';
import { redactUrl } from './url/redact-url.js';

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

/** The allowlists (lower-case names) of what may be shown of a request. */
export interface Redaction {
  readonly headers: readonly string[];
  readonly query: readonly string[];
}

/** The request object handed to middleware; it prints and serialises without credentials. */
export class AttemptRequest implements MiddlewareRequest {
  declare url: string;
  declare body: BodyInit | null;
  declare readonly method: string;
  declare readonly headers: Headers;
  declare readonly attempt: number;
  declare readonly maxAttempts: number;
  declare readonly operationId: string | undefined;
  declare readonly signal: AbortSignal;
  readonly #redaction: Redaction;

  constructor(init: MiddlewareRequest, redaction: Redaction) {
    Object.assign(this, init);
    this.#redaction = redaction;
  }

  toJSON(): Record<string, unknown> {
    const { method, attempt, maxAttempts, operationId } = this;
    return {
      method,
      url: redactUrl(this.url, this.#redaction.query),
      headers: redactHeaders(this.headers, this.#redaction.headers),
      attempt,
      maxAttempts,
      operationId,
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
