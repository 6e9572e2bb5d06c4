import { LinkedAbortController } from './abort/linked-abort-controller.js';
import { APIPromise, type WithResponse } from './api-promise.js';
import type { HttpClientConfig } from './config/client-config.js';
import { checkNumber, resolveConfig, type ResolvedConfig } from './config/resolve-config.js';
import { APIConnectionError } from './errors/api-connection-error.js';
import { APITimeoutError } from './errors/api-timeout-error.js';
import { APIUserAbortError } from './errors/api-user-abort-error.js';
import type { RateLimitError } from './errors/rate-limit-error.js';
import { invalidRequest, RequestValidationError } from './errors/request-validation-error.js';
import type { UpkitError } from './errors/upkit-error.js';
import { mergeHeaders } from './headers/merge-headers.js';
import { INSPECT } from './inspect-symbol.js';
import { levelEnabled } from './logging/logger.js';
import { redactHeaders } from './logging/redact-headers.js';
import { AttemptRequest, runMiddleware, type MiddlewareNext } from './middleware.js';
import {
  isIdempotentMethod,
  type OperationDescriptor,
  type OperationOutput,
  type OperationParams,
} from './operation.js';
import { isReplayableBody } from './request/is-replayable-body.js';
import { serializeJson } from './request/serialize-json.js';
import type { OperationRequestOptions, RequestOptions, SendOptions } from './request-options.js';
import { createAPIError } from './response/create-api-error.js';
import { readOperationBody } from './response/read-operation-body.js';
import { releaseOnBodyEnd } from './response/release-on-body-end.js';
import { requestIdFromHeaders } from './response/request-id.js';
import { backoffDelay } from './retry/backoff.js';
import { generateIdempotencyKey } from './retry/idempotency-key.js';
import { parseRetryAfter } from './retry/retry-after.js';
import type { RetryBudget } from './retry/retry-budget.js';
import { shouldRetry, type RetryTrigger } from './retry/should-retry.js';
import { buildUrl } from './url/build-url.js';
import { buildPath } from './url/encode-path.js';
import { parseBaseUrl } from './url/parse-base-url.js';
import { redactUrl } from './url/redact-url.js';
import { resolveTargetUrl } from './url/resolve-target-url.js';
import { serializeQuery } from './url/serialize-query.js';
import { validateSchema } from './validation/validate-schema.js';

const NEVER_ABORTED = new AbortController().signal;

/** A request ready to go but for the per-call headers and the idempotency key. */
interface PreparedRequest {
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
type SuccessHandler<T> = (
  response: Response,
  keep: () => () => void,
  safeUrl: () => string,
) => Promise<T>;

/**
 * The request executor the upkit clients are built on: runs operation descriptors with auth,
 * retries, timeouts, abort, typed errors, validation and redacted logging. Create it with
 * {@link createHttpClient}.
 */
export class HttpClient {
  readonly #config: ResolvedConfig;

  constructor(config: HttpClientConfig) {
    this.#config = resolveConfig(config);
  }

  /** The base URL requests are sent to (it never holds credentials). */
  get baseUrl(): string {
    return this.#config.baseUrl.href;
  }

  /** The retry budget in use (pass it to another client's config to share it). */
  get retryBudget(): RetryBudget {
    return this.#config.retryBudget;
  }

  /**
   * Runs an operation: fills and encodes the path, writes the query, validates the body, sends,
   * retries what is safe to retry, and validates the response.
   *
   * @returns an {@link APIPromise}: await it for the data, or `.withResponse()` for the Response too.
   */
  request<Op extends OperationDescriptor>(
    op: Op,
    params: OperationParams<Op> = {},
    options: OperationRequestOptions = {},
  ): APIPromise<OperationOutput<Op>> {
    return new APIPromise(
      this.#operation(op, params, options) as Promise<WithResponse<OperationOutput<Op>>>,
    );
  }

  /**
   * Sends a request that is not an operation (a presigned PUT, a URL a response pointed to) with the
   * same retries, timeouts, abort, middleware, logging and error mapping. Resolves to the raw 2xx
   * Response, whose body is yours to read; rejects with an `APIError` otherwise (an S3 XML error body
   * gives `code` and `serverMessage`).
   */
  async send(options: SendOptions): Promise<Response> {
    const cfg = this.#config;
    const base = this.#base(options);
    const query = serializeQuery(options.query);
    const url = resolveTargetUrl(options.url, base, query, cfg.allowInsecureHttp);
    // resolveTargetUrl normalises an absolute URL, so a prefix test compares origins.
    const trusted = url.startsWith(`${base.origin}/`);
    const headers = new Headers(trusted ? cfg.headers : cfg.foreignHeaders);
    let body = options.body ?? null;
    if (options.json !== undefined) {
      if (body !== null) throw invalidRequest('body', undefined, 'pass either body or json');
      body = serializeJson(options.json);
      headers.set('content-type', 'application/json');
    }
    const { method, idempotent } = options;
    const prepared = { method, url, headers, body, idempotent, trusted };
    const result = await this.#execute(prepared, options, async (response, keep) =>
      releaseOnBodyEnd(response, keep()),
    );
    return result.data;
  }

  /** Safe to serialise: no credentials, no headers. */
  toJSON(): Record<string, unknown> {
    const cfg = this.#config;
    return {
      baseUrl: cfg.baseUrl.href,
      maxRetries: cfg.maxRetries,
      timeoutMs: cfg.timeoutMs,
      deadlineMs: cfg.deadlineMs,
      validation: cfg.validation,
      logLevel: cfg.logLevel,
    };
  }

  [INSPECT](): string {
    return `HttpClient ${JSON.stringify(this.toJSON())}`;
  }

  async #operation(
    op: OperationDescriptor,
    params: OperationParams,
    options: OperationRequestOptions,
  ): Promise<WithResponse<unknown>> {
    const cfg = this.#config;
    const { operationId } = op;
    const query = serializeQuery(
      options.query ? { ...params.query, ...options.query } : params.query,
    );
    const url = buildUrl(this.#base(options), buildPath(op.path, params.path, operationId), query);
    let body: string | null = null;
    if (op.body) {
      const checked = await validateSchema(op.body, params.body, ['body']);
      if (checked.issues) throw new RequestValidationError(checked.issues, { operationId });
      if (checked.value !== undefined) body = serializeJson(checked.value, operationId);
    } else if (params.body !== undefined) {
      throw invalidRequest('body', undefined, 'this operation takes no request body', operationId);
    }
    const headers = new Headers(cfg.operationHeaders);
    if (body) headers.set('content-type', 'application/json');
    const mode = options.validation ?? cfg.validation;
    const { method, idempotent } = op;
    const prepared = { method, url, headers, body, operationId, idempotent, trusted: true };
    // `return await`: resolving with a value takes two turns of the event loop fewer than resolving
    // with a promise.
    return await this.#execute(prepared, options, (response, _, safeUrl) =>
      readOperationBody(op, response, mode, safeUrl, cfg.logger),
    );
  }

  /**
   * The retry loop: auth, middleware and fetch per attempt, each attempt with its own timer; the
   * call with the caller's signal and deadline.
   */
  async #execute<T>(
    req: PreparedRequest,
    options: RequestOptions,
    onSuccess: SuccessHandler<T>,
  ): Promise<WithResponse<T>> {
    const cfg = this.#config;
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
    const debug = levelEnabled(cfg.logLevel, 'debug');
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
    const call =
      deadlineMs === undefined ? undefined : new LinkedAbortController(signal, deadlineMs);
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
          const started = Date.now();
          const response = await runMiddleware(middleware, request, this.#fetch);
          const { ok, status, headers: received } = response;
          if (debug) {
            logger.debug(
              `← ${status} ${method} ${redactUrl(request.url, redaction.query)} (${Date.now() - started} ms)`,
              {
                headers: redactHeaders(received, redaction.headers),
                requestId: requestIdFromHeaders(received),
              },
            );
          }
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
          retryAfterMs =
            (error as Partial<RateLimitError>).retryAfterMs ?? parseRetryAfter(received);
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

  // The end of the middleware chain: an arrow property, so that middleware can call it detached.
  readonly #fetch: MiddlewareNext = async (request) => {
    const cfg = this.#config;
    const { method, url, headers, body, signal } = request;
    const { query, headers: shownHeaders } = cfg.redaction;
    if (levelEnabled(cfg.logLevel, 'debug')) {
      cfg.logger.debug(
        `→ ${method} ${redactUrl(url, query)} (attempt ${request.attempt}/${request.maxAttempts})`,
        { headers: redactHeaders(headers, shownHeaders) },
      );
    }
    const init: RequestInit & { duplex?: 'half' } = { method, headers, body, signal };
    // A streamed body needs `duplex: 'half'` (Node's fetch refuses it otherwise).
    if (!isReplayableBody(body)) init.duplex = 'half';
    try {
      return await (cfg.fetch ?? globalThis.fetch)(url, init);
    } catch (cause) {
      throw new APIConnectionError({ method, url: redactUrl(url, query), cause });
    }
  };

  #base(options: RequestOptions): URL {
    const { baseUrl, allowInsecureHttp } = this.#config;
    return options.baseUrl === undefined
      ? baseUrl
      : parseBaseUrl(options.baseUrl, allowInsecureHttp);
  }
}

/** Creates the request executor. Throws a `ConfigurationError` for an unusable option. */
export function createHttpClient(config: HttpClientConfig): HttpClient {
  return new HttpClient(config);
}
