import type { FetchOptions } from '../config/fetch-options.js';
import type { HeadersInput } from '../headers/merge-headers.js';
import type { Logger, LogLevel } from '../logging/logger.js';
import type { Middleware } from '../middleware.js';
import type { RetryBudget } from '../retry/retry-budget.js';
import type { UserAgentHeader } from '../user-agent.js';

/** How responses are checked against the operation's schema. */
export type ValidationMode = 'strict' | 'warn' | 'off';

/** The fetch function core-http calls; the global `fetch` fits, as do undici's and polyfills. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Every option of the transport, under one set of names: what `createHttpClient` takes and what
 * every upkit API client (`new Scenario(…)`, `new Cadenya(…)`) accepts besides its credentials. The
 * options a call may override (`RequestOptions`) have the same names.
 */
export interface ClientOptions {
  /**
   * The API's base URL: absolute `https:`, keeping its own path (`https://api.cloud.scenario.com/v1`),
   * with no credentials, query or fragment. Plain `http:` only for loopback hosts (a local sandbox)
   * unless `allowInsecureHttp`. Auth and `defaultHeaders` go only to URLs under its path.
   * @default the client's `…_BASE_URL` environment variable, else the vendor's production URL
   */
  baseURL?: string | undefined;
  /** Allow plain `http:` to hosts other than loopback (a sandbox in a container). @default false */
  allowInsecureHttp?: boolean | undefined;
  /**
   * Headers sent with every request under the base URL's path (never to storage or other URLs,
   * also not after a redirect). A call's `headers` are applied over them; `null` removes one.
   * @default none
   */
  defaultHeaders?: HeadersInput | undefined;
  /** The fetch to use (undici's, a polyfill, a test double). @default globalThis.fetch, looked up per call */
  fetch?: FetchLike | undefined;
  /**
   * Extra `RequestInit` fields passed to every fetch, such as an undici `dispatcher` (proxy,
   * keep-alive) or `credentials`. The fields core-http sets itself (`method`, `headers`, `body`,
   * `signal`, `redirect`, `duplex`, `window`) are refused with a `ConfigurationError`, never
   * silently overridden. A call's `fetchOptions` are applied over these.
   * @default none
   */
  fetchOptions?: FetchOptions | undefined;
  /**
   * Where the User-Agent string goes. Browsers do not let scripts set `User-Agent`, so there it
   * goes in `x-upkit-user-agent`; a custom header makes cross-origin requests preflighted, so choose
   * `none` for a server whose CORS policy does not allow it.
   * @default 'x-upkit-user-agent' in browsers, 'user-agent' elsewhere
   */
  userAgentHeader?: UserAgentHeader | undefined;
  /** Retries after the first attempt, for requests that are safe to repeat. @default 2 */
  maxRetries?: number | undefined;
  /** Ceiling of the first retry's random delay, in ms; doubles for each further retry. @default 500 */
  initialRetryDelayMs?: number | undefined;
  /**
   * The longest wait before a retry, in ms. A server asking (`Retry-After`, `retry-after-ms`) for
   * longer is not retried: the error surfaces at once with its `retryAfterMs`.
   * @default 8000
   */
  maxRetryDelayMs?: number | undefined;
  /** Retry POST and PATCH like idempotent methods, without an idempotency key. @default false */
  retryNonIdempotent?: boolean | undefined;
  /**
   * The token bucket that caps retries; share one instance between clients to share it.
   * @default a new RetryBudget per client
   */
  retryBudget?: RetryBudget | undefined;
  /** Give every POST and PATCH a generated idempotency key (so they may be retried). @default false */
  autoIdempotencyKey?: boolean | undefined;
  /** The header carrying idempotency keys. @default 'Idempotency-Key' */
  idempotencyKeyHeader?: string | undefined;
  /**
   * Time limit of each attempt, in ms; for `send()` and `asResponse()` it covers the response
   * headers only. @default 60000
   */
  timeout?: number | undefined;
  /** Time limit of a whole call, retries and backoff included, in ms. @default undefined (none) */
  deadline?: number | undefined;
  /**
   * The largest response body an operation reads, in bytes; a longer one is refused with a
   * `ResponseTooLargeError` without reading the rest (error bodies are cut there instead).
   * @default 4194304 (4 MiB)
   */
  maxResponseBytes?: number | undefined;
  /** Redirects followed per attempt (by core-http itself, see the README). @default 5 */
  maxRedirects?: number | undefined;
  /** How responses are checked against the operation's schema. @default 'strict' */
  validation?: ValidationMode | undefined;
  /** @default the UPKIT_LOG_LEVEL environment variable, else 'off' */
  logLevel?: LogLevel | undefined;
  /** Where log lines go. @default console */
  logger?: Logger | undefined;
  /**
   * Header and query parameter names whose values may appear in logs and error messages, added to
   * the defaults (`DEFAULT_HEADER_ALLOWLIST`, `DEFAULT_QUERY_ALLOWLIST`). Everything else is REDACTED.
   * @default the defaults alone
   */
  redaction?: { headers?: readonly string[]; query?: readonly string[] } | undefined;
  /** Run once per attempt, in order, around fetch (tracing, metrics). @default [] */
  middleware?: readonly Middleware[] | undefined;
  /**
   * Waits between retries; must reject when the signal aborts. For tests (virtual time) and custom
   * schedulers. @default an abortable setTimeout
   */
  sleep?: ((ms: number, signal: AbortSignal) => Promise<void>) | undefined;
  /**
   * The clock, in ms since the epoch: deadlines, `Retry-After` dates and logged durations read it.
   * For tests on virtual time, together with `sleep`. @default Date.now
   */
  now?: (() => number) | undefined;
}
