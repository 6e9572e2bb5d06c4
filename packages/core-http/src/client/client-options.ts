import type { Auth } from '../auth/auth.js';
import type { FetchLike, HttpClientConfig, ValidationMode } from '../config/client-config.js';
import type { HeadersInput } from '../headers/merge-headers.js';
import type { Logger, LogLevel } from '../logging/logger.js';
import type { Middleware } from '../middleware.js';
import { resolveOption } from '../resolve-option.js';
import type { RetryBudget } from '../retry/retry-budget.js';

/**
 * The options every upkit API client (`new Scenario(…)`, `new Cadenya(…)`) accepts besides its
 * credentials, written once so the clients cannot drift apart.
 */
export interface ClientOptions {
  /**
   * The API's base URL. Plain `http:` only for loopback hosts (a local sandbox) unless
   * `allowInsecureHttp`.
   * @default the client's `…_BASE_URL` environment variable, else the vendor's production URL
   */
  baseURL?: string | undefined;
  /** Time limit of each attempt, in milliseconds. @default 60000 */
  timeout?: number | undefined;
  /**
   * Time limit of a whole call, retries and backoff included, in milliseconds.
   * @default undefined (no limit beyond `timeout` per attempt)
   */
  deadline?: number | undefined;
  /** Retries after the first attempt, for requests that are safe to repeat. @default 2 */
  maxRetries?: number | undefined;
  /** The fetch to use (undici's, a polyfill, a test double). @default globalThis.fetch */
  fetch?: FetchLike | undefined;
  /** Where log lines go. @default console */
  logger?: Logger | undefined;
  /** @default the UPKIT_LOG_LEVEL environment variable, else 'off' */
  logLevel?: LogLevel | undefined;
  /** Headers sent with every request to the API (never to storage URLs). @default none */
  defaultHeaders?: HeadersInput | undefined;
  /** How responses are checked against the API's schemas. @default 'strict' */
  validation?: ValidationMode | undefined;
  /** Run once per attempt, in order, around fetch (tracing, metrics). @default [] */
  middleware?: readonly Middleware[] | undefined;
  /**
   * The token bucket that caps retries; share one instance between clients to share it.
   * @default a new RetryBudget per client
   */
  retryBudget?: RetryBudget | undefined;
  /** Allow plain `http:` to hosts other than loopback. @default false */
  allowInsecureHttp?: boolean | undefined;
}

/** What a client adds to {@link ClientOptions} to build its transport. */
export interface ClientIdentity {
  /** The client's package name, for the User-Agent (`@upkit/cadenya-client`). */
  name: string;
  /** The client's version, for the User-Agent. */
  version: string;
  /** The environment variable holding the base URL (`CADENYA_BASE_URL`). */
  baseURLEnv: string;
  /** The production base URL, used when neither the option nor the variable gives one. */
  defaultBaseURL: string;
  /** The already resolved credentials. */
  auth?: Auth | undefined;
}

/**
 * Turns a client's options into core-http's {@link HttpClientConfig}: the base URL falls back to
 * `identity.baseURLEnv`, then to `identity.defaultBaseURL` (through {@link resolveOption}, so a
 * blank `baseURL` is an error, not a silent fallback); unset options are left out so core-http's
 * defaults apply.
 */
export function toHttpClientConfig(
  options: ClientOptions,
  identity: ClientIdentity,
): HttpClientConfig {
  const config: HttpClientConfig = {
    baseUrl: resolveOption({
      value: options.baseURL,
      env: identity.baseURLEnv,
      name: 'baseURL',
      default: identity.defaultBaseURL,
      required: true,
    }),
    userAgent: `${identity.name}/${identity.version}`,
    auth: identity.auth,
    timeoutMs: options.timeout,
    deadlineMs: options.deadline,
    maxRetries: options.maxRetries,
    fetch: options.fetch,
    logger: options.logger,
    logLevel: options.logLevel,
    headers: options.defaultHeaders,
    validation: options.validation,
    middleware: options.middleware,
    retryBudget: options.retryBudget,
    allowInsecureHttp: options.allowInsecureHttp,
  };
  // Unset options are left out rather than passed as undefined, so core-http's defaults apply
  // however it tests for presence. (A loop: every `if` per option costs bundle bytes.)
  for (const key of Object.keys(config) as (keyof HttpClientConfig)[]) {
    if (config[key] === undefined) delete config[key];
  }
  return config;
}
