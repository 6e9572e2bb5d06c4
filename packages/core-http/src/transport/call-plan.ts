import type { ResolvedConfig } from '../config/resolve-config.js';
import type { Settings } from '../config/resolve-settings.js';
import { RequestValidationError } from '../errors/request-validation-error.js';
import type { ValidationIssue } from '../errors/validation-issue.js';
import { mergeHeaders } from '../headers/merge-headers.js';
import { isIdempotentMethod } from '../operation.js';
import { isReplayableBody } from '../request/is-replayable-body.js';
import type { RequestOptions } from '../request-options.js';
import { generateIdempotencyKey } from '../retry/idempotency-key.js';

/** What `request()` and `send()` have built of a request. */
export interface RequestParts {
  readonly method: string;
  readonly url: string;
  readonly body: BodyInit | null;
  /** Set by a JSON body. */
  readonly contentType?: string | undefined;
  readonly operationId?: string | undefined;
  /** Declared safe (or unsafe) to repeat, whatever the method. */
  readonly idempotent?: boolean | undefined;
  /** The URL is under the base URL's path and not presigned: auth and default headers apply. */
  readonly trusted: boolean;
}

/** Everything a call needs decided before its first attempt. */
export interface CallPlan extends Omit<RequestParts, 'contentType' | 'idempotent'> {
  /** The client's settings with this call's overrides. */
  readonly settings: Settings;
  /** The headers of the request as built (auth and middleware come per attempt). */
  readonly headers: Headers;
  /**
   * The headers for a redirect target outside the credential scope: no default header, no
   * credential, only the User-Agent, the body's type, the idempotency key and the call's own
   * headers (less `authorization`, `proxy-authorization` and `cookie`). Built on first use.
   */
  readonly foreignHeaders: () => Headers;
  readonly maxAttempts: number;
  /** Safe to repeat: idempotent method or operation, idempotency key, or the caller's opt-in. */
  readonly repeatable: boolean;
  /** The body can be sent again (not a stream). */
  readonly replayable: boolean;
  readonly signal: AbortSignal | undefined;
}

/** Credentials a call may give for its own URL, which do not follow a redirect elsewhere. */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

/**
 * Plans a call, the last step of building its request: builds its headers, settles its idempotency
 * key (once per call, so every attempt sends the same) and whether it may be repeated.
 *
 * @param settings the client's settings with the call's overrides (`resolveSettings`).
 * @param issues what building the request found so far (path, query, body).
 * @throws RequestValidationError with every issue, those of the headers included: the one place
 *   where a request is refused, so that every such error carries the `operationId`.
 */
export function planCall(
  cfg: ResolvedConfig,
  settings: Settings,
  parts: RequestParts,
  options: RequestOptions,
  operation: boolean,
  issues: ValidationIssue[],
): CallPlan {
  const { method, contentType, idempotent, ...rest } = parts;
  const own = !parts.trusted ? cfg.foreignHeaders : operation ? cfg.operationHeaders : cfg.headers;
  const headers = new Headers(own);
  if (contentType) headers.set('content-type', contentType);
  mergeHeaders(headers, options.headers, issues);
  const keyHeader = cfg.idempotencyKeyHeader;
  const safeMethod = isIdempotentMethod(method);
  const key = options.idempotencyKey ?? (cfg.autoIdempotencyKey && !safeMethod);
  if (typeof key === 'string') mergeHeaders(headers, { [keyHeader]: key }, issues);
  else if (key && !headers.has(keyHeader)) headers.set(keyHeader, generateIdempotencyKey());
  if (issues.length) throw new RequestValidationError(issues, { operationId: parts.operationId });
  let foreign: Headers | undefined;
  return {
    ...rest,
    method,
    settings,
    headers,
    foreignHeaders: () => (foreign ??= foreignHeaders(cfg, headers, contentType, options)),
    maxAttempts: settings.maxRetries + 1,
    repeatable: (idempotent ?? safeMethod) || settings.retryNonIdempotent || headers.has(keyHeader),
    replayable: isReplayableBody(parts.body),
    signal: options.signal,
  };
}

function foreignHeaders(
  cfg: ResolvedConfig,
  sent: Headers,
  contentType: string | undefined,
  options: RequestOptions,
): Headers {
  const headers = new Headers(cfg.foreignHeaders);
  if (contentType) headers.set('content-type', contentType);
  mergeHeaders(headers, options.headers, []);
  for (const name of CREDENTIAL_HEADERS) headers.delete(name);
  const key = sent.get(cfg.idempotencyKeyHeader);
  if (key !== null) headers.set(cfg.idempotencyKeyHeader, key);
  return headers;
}
