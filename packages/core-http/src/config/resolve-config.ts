import { sleep } from '../abort/sleep.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import { isUpkitError } from '../errors/upkit-error.js';
import { mergeHeaders } from '../headers/merge-headers.js';
import { headerProblem } from '../headers/validate-header.js';
import { LOG_LEVELS, type Logger, type LogLevel } from '../logging/logger.js';
import { DEFAULT_HEADER_ALLOWLIST } from '../logging/redact-headers.js';
import type { Middleware, Redaction } from '../middleware.js';
import { resolveOption } from '../resolve-option.js';
import { RetryBudget } from '../retry/retry-budget.js';
import { parseBaseUrl } from '../url/parse-base-url.js';
import { DEFAULT_QUERY_ALLOWLIST } from '../url/redact-url.js';
import { defaultUserAgentHeader, userAgentString } from '../user-agent.js';
import type { HttpClientConfig, ValidationMode } from './client-config.js';

/** A checked configuration with every default filled in (options without one are kept as given). */
export interface ResolvedConfig extends Omit<
  HttpClientConfig,
  'baseUrl' | 'headers' | 'redaction' | 'middleware' | 'sleep'
> {
  readonly baseUrl: URL;
  /** For requests to the base origin: user-agent and the configured headers. */
  readonly headers: Headers;
  /** `headers` plus `accept: application/json`, for operations (built once, copied per call). */
  readonly operationHeaders: Headers;
  /** For any other origin: at most `user-agent` (no defaults, no auth, no custom header). */
  readonly foreignHeaders: Headers;
  readonly maxRetries: number;
  readonly initialRetryDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly retryBudget: RetryBudget;
  readonly idempotencyKeyHeader: string;
  readonly timeoutMs: number;
  readonly validation: ValidationMode;
  readonly logLevel: LogLevel;
  readonly logger: Logger;
  /** The allowlists, defaults included, lower-cased. */
  readonly redaction: Redaction;
  readonly middleware: readonly Middleware[];
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** The number options: name, default, whether it counts (an integer) rather than measures ms. */
const NUMBERS = [
  ['maxRetries', 2, true],
  ['initialRetryDelayMs', 500],
  ['maxRetryDelayMs', 8000],
  ['timeoutMs', 60_000],
  ['deadlineMs', undefined],
] as const;

/** Checks every option once, at construction, so that a bad one fails fast with a clear message. */
export function resolveConfig(config: HttpClientConfig): ResolvedConfig {
  if (typeof config !== 'object' || !config) {
    throw new ConfigurationError('createHttpClient needs a config object');
  }
  const {
    redaction = {},
    userAgentHeader = defaultUserAgentHeader(),
    idempotencyKeyHeader = 'Idempotency-Key',
    validation = 'strict',
  } = config;
  const userAgent = userAgentString(config.userAgent);
  const headers = new Headers();
  const foreignHeaders = new Headers();
  if (userAgentHeader === 'user-agent' || userAgentHeader === 'both') {
    headers.set('user-agent', userAgent);
    foreignHeaders.set('user-agent', userAgent);
  }
  if (userAgentHeader === 'x-upkit-user-agent' || userAgentHeader === 'both') {
    headers.set('x-upkit-user-agent', userAgent);
  }
  try {
    mergeHeaders(headers, config.headers);
  } catch (error) {
    throw isUpkitError(error) ? invalid('headers', `are invalid: ${error.message}`) : error;
  }
  const operationHeaders = new Headers(headers);
  if (!operationHeaders.has('accept')) operationHeaders.set('accept', 'application/json');
  if (headerProblem(idempotencyKeyHeader, '')) {
    throw invalid('idempotencyKeyHeader', 'is not a valid header name');
  }
  if (validation !== 'strict' && validation !== 'warn' && validation !== 'off') {
    throw invalid('validation', `must be 'strict', 'warn' or 'off'`);
  }
  const level = resolveOption({ value: config.logLevel, env: 'UPKIT_LOG_LEVEL', name: 'logLevel' });
  const logLevel = (level ?? 'off').trim().toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw invalid('logLevel', `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const allowlist = (defaults: readonly string[], extra: readonly string[] = []) =>
    [...defaults, ...extra].map((name) => name.toLowerCase());

  return {
    ...config,
    ...Object.fromEntries(
      NUMBERS.map(([name, fallback, integer]) => [
        name,
        checkNumber(config[name], name, fallback, integer),
      ]),
    ),
    baseUrl: parseBaseUrl(config.baseUrl, config.allowInsecureHttp),
    headers,
    operationHeaders,
    foreignHeaders,
    retryBudget: config.retryBudget ?? new RetryBudget(),
    idempotencyKeyHeader,
    validation,
    logLevel,
    logger: config.logger ?? (globalThis.console as Logger),
    redaction: {
      headers: allowlist(DEFAULT_HEADER_ALLOWLIST, redaction.headers),
      query: allowlist(DEFAULT_QUERY_ALLOWLIST, redaction.query),
    },
    middleware: [...(config.middleware ?? [])],
    sleep: config.sleep ?? sleep,
  } as ResolvedConfig;
}

/**
 * A number option, or `fallback` when undefined: a non-negative number of milliseconds
 * (`Infinity` means no limit), or with `integer` a non-negative integer such as `maxRetries`.
 */
export function checkNumber<F extends number | undefined>(
  value: number | undefined,
  name: string,
  fallback: F,
  integer?: boolean,
): number | F {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0) || (integer && !Number.isInteger(value))) {
    throw invalid(name, `must be a non-negative ${integer ? 'integer' : 'number'}`);
  }
  return value;
}

function invalid(option: string, problem: string): ConfigurationError {
  return new ConfigurationError(`${option} ${problem}`, { option });
}
