import { LinkedAbortController } from '../abort/linked-abort-controller.js';
import type { WithResponse } from '../api-promise.js';
import { checkNumber, type ResolvedConfig } from '../config/resolve-config.js';
import { APIConnectionError } from '../errors/api-connection-error.js';
import { APITimeoutError } from '../errors/api-timeout-error.js';
import { APIUserAbortError } from '../errors/api-user-abort-error.js';
import type { RateLimitError } from '../errors/rate-limit-error.js';
import type { UpkitError } from '../errors/upkit-error.js';
import { mergeHeaders } from '../headers/merge-headers.js';
import { levelEnabled } from '../logging/logger.js';
import { redactHeaders } from '../logging/redact-headers.js';
import { AttemptRequest, runMiddleware, type MiddlewareRequest } from '../middleware.js';
import { isIdempotentMethod } from '../operation.js';
import { isReplayableBody } from '../request/is-replayable-body.js';
import type { RequestOptions } from '../request-options.js';
import { createAPIError } from '../response/create-api-error.js';
import { requestIdFromHeaders } from '../response/request-id.js';
import { backoffDelay } from '../retry/backoff.js';
import { generateIdempotencyKey } from '../retry/idempotency-key.js';
import { parseRetryAfter } from '../retry/retry-after.js';
import { shouldRetry, type RetryTrigger } from '../retry/should-retry.js';
import { redactUrl } from '../url/redact-url.js';

const NEVER_ABORTED = new AbortController().signal;

/** A request ready to go but for the per-call headers and the idempotency key. */
export interface PreparedRequest {
  readonly method: string;
  readonly url: string;
  /** A copy owned by the call: per-call headers are merged into it. */
  readonly headers: Headers;
  readonly body: BodyInit | null;
  readonly operationId?: string | undefined;
  /** Declared safe (or unsafe) to repeat, whatever the method. */
  readonly idempotent?: boolean | undefined;
  /** Same origin as the base URL: auth applies. */
  readonly trusted: boolean;
}

/**
 * Turns a 2xx response into the call's data. `keep()` lets the call's abort links outlive the
 * attempt (a body read later) and returns the function that releases them.
 */
export type SuccessHandler<T> = (
  response: Response,
  keep: () => () => void,
  safeUrl: () => string,
) => Promise<T>;

/**
 * The retry loop: auth, middleware and fetch per attempt, each attempt with its own timer; the
 * call with the caller's signal and deadline.
 */
export async function execute<T>(
  cfg: ResolvedConfig,
  req: PreparedRequest,
  options: RequestOptions,
  onSuccess: SuccessHandler<T>,
): Promise<WithResponse<T>> {
  const { method, url, headers, body } = req;
  const { middleware, auth, logger, redaction, idempotencyKeyHeader: keyHeader } = cfg;
  mergeHeaders(headers, options.headers);
  const safeMethod = isIdempotentMethod(method);
  const key = options.idempotencyKey ?? (cfg.autoIdempotencyKey && !safeMethod);
  if (typeof key === 'string') mergeHeaders(headers, { [keyHeader]: key });
  else if (key && !headers.has(keyHeader)) headers.set(keyHeader, generateIdempotencyKey());
  const retryable = {
    // Safe to repeat: idempotent method or operation, idempotency key, or the caller's opt-in.
    repeatable:
      (req.idempotent ?? safeMethod) ||
      !!(options.retryNonIdempotent ?? cfg.retryNonIdempotent) ||
      headers.has(keyHeader),
    replayable: isReplayableBody(body),
  };
  const maxAttempts = checkNumber(options.maxRetries, 'maxRetries', cfg.maxRetries, true) + 1;
  const timeoutMs = checkNumber(options.timeoutMs, 'timeoutMs', cfg.timeoutMs);
  const deadlineMs = checkNumber(options.deadlineMs, 'deadlineMs', cfg.deadlineMs);
  let redacted: string | undefined;
  const safeUrl = (): string => (redacted ??= redactUrl(url, redaction.query));
  const log = (level: 'info' | 'warn', verb: string, why: string): void => {
    if (levelEnabled(cfg.logLevel, level)) logger[level](`${verb} ${method} ${safeUrl()}${why}`);
  };
  const { signal } = options;
  if (signal?.aborted)
    throw new APIUserAbortError({ method, url: safeUrl(), reason: signal.reason });

  // The call-level link exists only for a deadline; otherwise attempts follow the caller's signal
  // directly (an AbortController costs more than the rest of a request's bookkeeping).
  const call = deadlineMs === undefined ? undefined : new LinkedAbortController(signal, deadlineMs);
  const callSignal = call?.signal ?? signal;
  const deadlineAt = Date.now() + (deadlineMs ?? Infinity);
  const stopped = (): UpkitError =>
    call?.cause === 'timeout'
      ? new APITimeoutError({ method, url: safeUrl(), kind: 'deadline', timeoutMs: deadlineMs! })
      : new APIUserAbortError({ method, url: safeUrl(), reason: signal?.reason });
  let kept = false;
  let lastRetryCost: number | undefined;
  try {
    for (let attempt = 1; ; attempt++) {
      const link = new LinkedAbortController(callSignal, timeoutMs);
      let error: UpkitError;
      let trigger: RetryTrigger;
      let retryAfterMs: number | undefined;
      try {
        // Middleware may change headers per attempt; without it the call's own copy is reused.
        const sent = middleware.length ? new Headers(headers) : headers;
        const pending = req.trusted && auth?.apply(sent, { method, url });
        if (pending) await pending;
        const { operationId } = req;
        const init = {
          method,
          url,
          headers: sent,
          body,
          attempt,
          maxAttempts,
          operationId,
          signal: link.signal,
        };
        // What middleware sees must print without credentials; fetch alone needs no wrapper.
        const request = middleware.length ? new AttemptRequest(init, redaction) : init;
        const response = await runMiddleware(middleware, request, (last) => dispatch(cfg, last));
        const { ok, status, headers: received } = response;
        if (ok) {
          const keep = () => {
            kept = true;
            link.clearTimer();
            return () => {
              link.dispose();
              call?.dispose();
            };
          };
          const data = await onSuccess(response, keep, safeUrl);
          cfg.retryBudget.recordSuccess(lastRetryCost);
          return { data, response };
        }
        error = await createAPIError(response, method, safeUrl());
        trigger = { kind: 'status', status, headers: received };
        retryAfterMs = (error as Partial<RateLimitError>).retryAfterMs ?? parseRetryAfter(received);
      } catch (caught) {
        // The caller's signal or the deadline: the call is over, whatever the attempt threw.
        if (link.cause === 'parent') throw stopped();
        // Errors of the caller's own code (auth, middleware, validation) propagate unchanged.
        if (!link.cause && !(caught instanceof APIConnectionError)) throw caught;
        error = link.cause
          ? new APITimeoutError({ method, url: safeUrl(), kind: 'attempt', timeoutMs })
          : (caught as APIConnectionError);
        trigger = { kind: link.cause ? 'timeout' : 'connection' };
      } finally {
        if (!kept) link.dispose();
      }

      if (attempt >= maxAttempts || !shouldRetry(trigger, retryable)) throw error;
      const delayMs =
        retryAfterMs ?? backoffDelay(attempt, cfg.initialRetryDelayMs, cfg.maxRetryDelayMs);
      if (delayMs > cfg.maxRetryDelayMs) {
        log(
          'info',
          'Not retrying',
          `: the server asked to wait ${delayMs} ms, over maxRetryDelayMs`,
        );
        throw error;
      }
      if (Date.now() + delayMs >= deadlineAt) throw error;
      const cost = cfg.retryBudget.acquire(trigger.kind === 'timeout' ? 'timeout' : 'retry');
      if (cost === undefined) {
        log('warn', 'Not retrying', ': the retry budget is exhausted');
        throw error;
      }
      log(
        'info',
        'Retrying',
        ` in ${delayMs} ms (attempt ${attempt + 1}/${maxAttempts}) after: ${error.message}`,
      );
      lastRetryCost = cost;
      try {
        await cfg.sleep(delayMs, callSignal ?? NEVER_ABORTED);
      } catch (caught) {
        throw callSignal?.aborted ? stopped() : caught;
      }
    }
  } finally {
    if (!kept) call?.dispose();
  }
}

/** The end of the middleware chain: the fetch itself, logged (what the wire said), its failure typed. */
async function dispatch(cfg: ResolvedConfig, request: MiddlewareRequest): Promise<Response> {
  const { method, url, headers, body, signal } = request;
  const { logger, redaction } = cfg;
  const debug = levelEnabled(cfg.logLevel, 'debug');
  // Redacted once, and only when logged: parsing the URL is not free.
  const line = debug && `${method} ${redactUrl(url, redaction.query)}`;
  if (line) {
    logger.debug(`→ ${line} (attempt ${request.attempt}/${request.maxAttempts})`, {
      headers: redactHeaders(headers, redaction.headers),
    });
  }
  const init: RequestInit & { duplex?: 'half' } = { method, headers, body, signal };
  // A streamed body needs `duplex: 'half'` (Node's fetch refuses it otherwise).
  if (!isReplayableBody(body)) init.duplex = 'half';
  const started = Date.now();
  let response: Response;
  try {
    response = await (cfg.fetch ?? globalThis.fetch)(url, init);
  } catch (cause) {
    throw new APIConnectionError({ method, url: redactUrl(url, redaction.query), cause });
  }
  if (line) {
    const { status, headers: received } = response;
    logger.debug(`← ${status} ${line} (${Date.now() - started} ms)`, {
      headers: redactHeaders(received, redaction.headers),
      requestId: requestIdFromHeaders(received),
    });
  }
  return response;
}
