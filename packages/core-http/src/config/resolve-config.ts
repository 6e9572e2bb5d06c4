import { sleep } from '../abort/sleep.js';
import type { Auth } from '../auth/auth.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import { isUpkitError } from '../errors/upkit-error.js';
import { mergeHeaders } from '../headers/merge-headers.js';
import { headerProblem } from '../headers/validate-header.js';
import { isLogLevel, levelEnabled, type Logger, type LogLevel } from '../logging/logger.js';
import { DEFAULT_HEADER_ALLOWLIST } from '../logging/redact-headers.js';
import type { Middleware } from '../middleware.js';
import { resolveOption } from '../resolve-option.js';
import { RetryBudget } from '../retry/retry-budget.js';
import { parseBaseUrl } from '../url/parse-base-url.js';
import { DEFAULT_QUERY_ALLOWLIST } from '../url/redact-url.js';
import { defaultUserAgentHeader, userAgentString } from '../user-agent.js';
import type { FetchLike, HttpClientConfig, ValidationMode } from './client-config.js';

/** A checked configuration with every default filled in. */
export interface ResolvedConfig {
  readonly baseUrl: URL;
  readonly allowInsecureHttp: boolean;
  readonly auth: Auth | undefined;
  /** For requests to the base origin: user-agent and the configured headers. */
  readonly headers: Headers;
  /** `headers` plus `accept: application/json`, for operations (built once, copied per call). */
  readonly operationHeaders: Headers;
  /** For any other origin: at most `user-agent` (no defaults, no auth, no custom header). */
  readonly foreignHeaders: Headers;
  readonly fetch: FetchLike | undefined;
  readonly maxRetries: number;
  readonly initialRetryDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly retryNonIdempotent: boolean;
  readonly retryBudget: RetryBudget;
  readonly autoIdempotencyKey: boolean;
  readonly idempotencyKeyHeader: string;
  readonly timeoutMs: number;
  readonly deadlineMs: number | undefined;
  readonly validation: ValidationMode;
  readonly logLevel: LogLevel;
  readonly log: { debug: boolean; info: boolean; warn: boolean };
  readonly logger: Logger;
  readonly allowedHeaders: ReadonlySet<string>;
  readonly allowedQuery: ReadonlySet<string>;
  readonly middleware: readonly Middleware[];
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Checks every option once, at construction, so that a bad one fails fast with a clear message. */
export function resolveConfig(config: HttpClientConfig): ResolvedConfig {
  if (typeof config !== 'object' || config === null) {
    throw new ConfigurationError('createHttpClient needs a configuration object');
  }
  const baseUrl = parseBaseUrl(config.baseUrl, config.allowInsecureHttp ?? false);
  const userAgent = userAgentString(config.userAgent);
  const uaHeader = config.userAgentHeader ?? defaultUserAgentHeader();
  const headers = new Headers();
  const foreignHeaders = new Headers();
  if (uaHeader === 'user-agent' || uaHeader === 'both') {
    headers.set('user-agent', userAgent);
    foreignHeaders.set('user-agent', userAgent);
  }
  if (uaHeader === 'x-upkit-user-agent' || uaHeader === 'both') {
    headers.set('x-upkit-user-agent', userAgent);
  }
  try {
    mergeHeaders(headers, config.headers);
  } catch (error) {
    if (!isUpkitError(error)) throw error;
    throw new ConfigurationError(`Invalid headers: ${error.message}`, { option: 'headers' });
  }

  const operationHeaders = new Headers(headers);
  if (!operationHeaders.has('accept')) operationHeaders.set('accept', 'application/json');

  const idempotencyKeyHeader = config.idempotencyKeyHeader ?? 'Idempotency-Key';
  if (headerProblem(idempotencyKeyHeader, '')) {
    throw new ConfigurationError('idempotencyKeyHeader is not a valid header name', {
      option: 'idempotencyKeyHeader',
    });
  }
  const validation = config.validation ?? 'strict';
  if (validation !== 'strict' && validation !== 'warn' && validation !== 'off') {
    throw new ConfigurationError(`validation must be 'strict', 'warn' or 'off'`, {
      option: 'validation',
    });
  }
  const logLevel = resolveLogLevel(config.logLevel);
  const logger = config.logger ?? (globalThis.console as Logger);

  return {
    baseUrl,
    allowInsecureHttp: config.allowInsecureHttp ?? false,
    auth: config.auth,
    headers,
    operationHeaders,
    foreignHeaders,
    fetch: config.fetch,
    maxRetries: checkCount(config.maxRetries, 'maxRetries', 2),
    initialRetryDelayMs: checkDuration(config.initialRetryDelayMs, 'initialRetryDelayMs', 500),
    maxRetryDelayMs: checkDuration(config.maxRetryDelayMs, 'maxRetryDelayMs', 8000),
    retryNonIdempotent: config.retryNonIdempotent ?? false,
    retryBudget: config.retryBudget ?? new RetryBudget(),
    autoIdempotencyKey: config.autoIdempotencyKey ?? false,
    idempotencyKeyHeader,
    timeoutMs: checkDuration(config.timeoutMs, 'timeoutMs', 60_000),
    deadlineMs: checkOptionalDuration(config.deadlineMs, 'deadlineMs'),
    validation,
    logLevel,
    log: {
      debug: levelEnabled(logLevel, 'debug'),
      info: levelEnabled(logLevel, 'info'),
      warn: levelEnabled(logLevel, 'warn'),
    },
    logger,
    allowedHeaders: new Set(
      [...DEFAULT_HEADER_ALLOWLIST, ...(config.redaction?.headers ?? [])].map((h) =>
        h.toLowerCase(),
      ),
    ),
    allowedQuery: new Set(
      [...DEFAULT_QUERY_ALLOWLIST, ...(config.redaction?.query ?? [])].map((q) => q.toLowerCase()),
    ),
    middleware: [...(config.middleware ?? [])],
    sleep: config.sleep ?? sleep,
  };
}

function resolveLogLevel(option: LogLevel | undefined): LogLevel {
  const level = resolveOption({ value: option, env: 'UPKIT_LOG_LEVEL', name: 'logLevel' });
  if (level === undefined) return 'off';
  const normalized = level.trim().toLowerCase();
  if (!isLogLevel(normalized)) {
    throw new ConfigurationError(`logLevel must be one of debug, info, warn, error, off`, {
      option: 'logLevel',
    });
  }
  return normalized;
}

/** A non-negative integer, e.g. `maxRetries`. */
export function checkCount(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigurationError(`${name} must be a non-negative integer`, { option: name });
  }
  return value;
}

/** A positive number of ms; `Infinity` means no limit. */
export function checkDuration(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new ConfigurationError(`${name} must be a non-negative number of milliseconds`, {
      option: name,
    });
  }
  return value;
}

function checkOptionalDuration(value: number | undefined, name: string): number | undefined {
  return value === undefined ? undefined : checkDuration(value, name, 0);
}
