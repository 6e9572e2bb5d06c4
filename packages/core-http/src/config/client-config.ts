import type { Auth } from '../auth/auth.js';
import type { HeadersInput } from '../headers/merge-headers.js';
import type { Logger, LogLevel } from '../logging/logger.js';
import type { Middleware } from '../middleware.js';
import type { RetryBudget } from '../retry/retry-budget.js';
import type { UserAgentHeader } from '../user-agent.js';

/** How responses are checked against the operation's schema. */
export type ValidationMode = 'strict' | 'warn' | 'off';

/** The fetch function core-http calls; the global `fetch` fits, as do undici's and polyfills. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Options of {@link createHttpClient}. */
export interface HttpClientConfig {
  /**
   * Absolute `https:` URL that operation paths are appended to, keeping its own path
   * (`https://api.cloud.scenario.com/v1`). No credentials, query or fragment. Plain `http:` only for
   * loopback hosts unless `allowInsecureHttp`.
   */
  baseUrl: string;
  /** Allow plain `http:` to hosts other than loopback (e.g. a sandbox in a container). @default false */
  allowInsecureHttp?: boolean;
  /** How requests to `baseUrl`'s origin authenticate (`basicAuth`, `bearerAuth` or your own). */
  auth?: Auth;
  /** Headers sent with every request to `baseUrl`'s origin (never to other origins). */
  headers?: HeadersInput;
  /** The fetch to use. @default globalThis.fetch, looked up at call time */
  fetch?: FetchLike;
  /**
   * The calling client's product token(s), put before core-http's own:
   * `@upkit/cadenya-client/0.1.0` → `@upkit/cadenya-client/0.1.0 @upkit/core-http/0.1.0`.
   */
  userAgent?: string;
  /**
   * Where the User-Agent string goes. Browsers do not let scripts set `User-Agent`, so there it
   * goes in `x-upkit-user-agent`; a custom header makes cross-origin requests preflighted, so choose
   * `none` for a server whose CORS policy does not allow it.
   * @default 'x-upkit-user-agent' in browsers, 'user-agent' elsewhere
   */
  userAgentHeader?: UserAgentHeader;
  /** Retries after the first attempt. @default 2 */
  maxRetries?: number;
  /** Ceiling of the first retry's random delay; doubles for each further retry. @default 500 */
  initialRetryDelayMs?: number;
  /**
   * The longest wait before a retry. A server asking (`Retry-After`, `retry-after-ms`) for longer
   * is not retried: the error surfaces at once with its `retryAfterMs`. @default 8000
   */
  maxRetryDelayMs?: number;
  /** Retry POST and PATCH like idempotent methods, without an idempotency key. @default false */
  retryNonIdempotent?: boolean;
  /** The token bucket that caps retries. Share one instance between clients to share the budget. @default new RetryBudget() */
  retryBudget?: RetryBudget;
  /** Give every POST and PATCH a generated idempotency key (so they may be retried). @default false */
  autoIdempotencyKey?: boolean;
  /** The header carrying idempotency keys. @default 'Idempotency-Key' */
  idempotencyKeyHeader?: string;
  /** Time limit of each attempt; for `send()` it covers the response headers only. @default 60000 */
  timeoutMs?: number;
  /** Time limit of a whole call, retries and backoff included. @default undefined (none) */
  deadlineMs?: number;
  /** Response validation. @default 'strict' */
  validation?: ValidationMode;
  /** @default the UPKIT_LOG_LEVEL environment variable, else 'off' */
  logLevel?: LogLevel;
  /** Where log lines go. @default console */
  logger?: Logger;
  /**
   * Header and query parameter names whose values may appear in logs and error messages, added to
   * the defaults (`DEFAULT_HEADER_ALLOWLIST`, `DEFAULT_QUERY_ALLOWLIST`). Everything else is REDACTED.
   */
  redaction?: { headers?: readonly string[]; query?: readonly string[] };
  /** Run once per attempt, in order, around fetch. @default [] */
  middleware?: readonly Middleware[];
  /**
   * Waits between retries; must reject when the signal aborts. For tests and custom schedulers.
   * @default an abortable setTimeout
   */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}
