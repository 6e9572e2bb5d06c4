import { sleep } from '../abort/sleep.js';
import type { Auth } from '../auth/auth.js';
import type { FetchLike } from '../client/client-options.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import { formatIssues, type ValidationIssue } from '../errors/validation-issue.js';
import { mergeHeaders } from '../headers/merge-headers.js';
import { headerProblem } from '../headers/validate-header.js';
import { LOG_LEVELS, type Logger, type LogLevel } from '../logging/logger.js';
import { DEFAULT_HEADER_ALLOWLIST } from '../logging/redact-headers.js';
import type { Middleware, Redaction } from '../middleware.js';
import { resolveOption } from '../resolve-option.js';
import { RetryBudget } from '../retry/retry-budget.js';
import { DEFAULT_QUERY_ALLOWLIST } from '../url/redact-url.js';
import { defaultUserAgentHeader, userAgentString } from '../user-agent.js';
import type { HttpClientConfig } from './client-config.js';
import {
  checkNumber,
  DEFAULT_SETTINGS,
  invalidOption,
  resolveSettings,
  type Settings,
} from './resolve-settings.js';

/** A client's configuration, checked, with every default filled in. */
export interface ResolvedConfig extends Settings {
  readonly allowInsecureHttp: boolean;
  readonly auth: Auth | undefined;
  readonly fetch: FetchLike | undefined;
  /** For requests under the base URL's path: user-agent and the default headers. */
  readonly headers: Headers;
  /** `headers` plus `accept: application/json`, for operations (built once, copied per call). */
  readonly operationHeaders: Headers;
  /** For any other URL: at most `user-agent` (no default header, no auth, no custom header). */
  readonly foreignHeaders: Headers;
  readonly initialRetryDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly maxRedirects: number;
  readonly retryBudget: RetryBudget;
  readonly autoIdempotencyKey: boolean;
  readonly idempotencyKeyHeader: string;
  readonly logLevel: LogLevel;
  readonly logger: Logger;
  /** The allowlists, defaults included, lower-cased. */
  readonly redaction: Redaction;
  readonly middleware: readonly Middleware[];
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly now: () => number;
}

/**
 * Checks every option once, at construction, so that a bad one fails fast with a clear message;
 * the only place core-http reads the environment (the base URL's variable, `UPKIT_LOG_LEVEL`).
 * Options it does not know (a client's credentials, say) are not kept.
 */
export function resolveConfig(config: HttpClientConfig): ResolvedConfig {
  if (typeof config !== 'object' || !config) {
    throw new ConfigurationError('createHttpClient needs a config object');
  }
  const {
    redaction = {},
    userAgentHeader = defaultUserAgentHeader(),
    idempotencyKeyHeader = 'Idempotency-Key',
    allowInsecureHttp = false,
  } = config;
  const baseURL = resolveOption({
    value: config.baseURL,
    env: config.baseURLEnv,
    name: 'baseURL',
    default: config.defaultBaseURL,
    required: true,
  });
  const level = resolveOption({ value: config.logLevel, env: 'UPKIT_LOG_LEVEL', name: 'logLevel' });
  const logLevel = (level ?? 'off').trim().toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw invalidOption('logLevel', `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  if (headerProblem(idempotencyKeyHeader, '')) {
    throw invalidOption('idempotencyKeyHeader', 'is not a valid header name');
  }
  const allowlist = (defaults: readonly string[], extra: readonly string[] = []) =>
    [...defaults, ...extra].map((name) => name.toLowerCase());
  return {
    ...resolveSettings({ ...config, baseURL }, DEFAULT_SETTINGS, allowInsecureHttp),
    ...clientHeaders(config, userAgentHeader),
    allowInsecureHttp,
    auth: config.auth,
    fetch: config.fetch,
    initialRetryDelayMs: checkNumber(config.initialRetryDelayMs, 'initialRetryDelayMs', 500),
    maxRetryDelayMs: checkNumber(config.maxRetryDelayMs, 'maxRetryDelayMs', 8000),
    maxRedirects: checkNumber(config.maxRedirects, 'maxRedirects', 5, true),
    retryBudget: config.retryBudget ?? new RetryBudget(),
    autoIdempotencyKey: config.autoIdempotencyKey ?? false,
    idempotencyKeyHeader,
    logLevel,
    logger: config.logger ?? (globalThis.console as Logger),
    redaction: {
      headers: allowlist(DEFAULT_HEADER_ALLOWLIST, redaction.headers),
      query: allowlist(DEFAULT_QUERY_ALLOWLIST, redaction.query),
    },
    middleware: [...(config.middleware ?? [])],
    sleep: config.sleep ?? sleep,
    // Looked up per call, so that fake timers installed after the client still apply.
    now: config.now ?? (() => Date.now()),
  };
}

/** The User-Agent and default headers, for the base URL's path, for operations and for elsewhere. */
function clientHeaders(
  config: HttpClientConfig,
  userAgentHeader: string,
): Pick<ResolvedConfig, 'headers' | 'operationHeaders' | 'foreignHeaders'> {
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
  const issues: ValidationIssue[] = [];
  mergeHeaders(headers, config.defaultHeaders, issues);
  if (issues.length) throw invalidOption('defaultHeaders', `are invalid: ${formatIssues(issues)}`);
  const operationHeaders = new Headers(headers);
  if (!operationHeaders.has('accept')) operationHeaders.set('accept', 'application/json');
  return { headers, operationHeaders, foreignHeaders };
}
