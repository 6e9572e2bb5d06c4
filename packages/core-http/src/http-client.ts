import { LinkedAbortController } from './abort/linked-abort-controller.js';
import { APIPromise, type WithResponse } from './api-promise.js';
import type { FetchLike, HttpClientConfig } from './config/client-config.js';
import {
  checkCount,
  checkDuration,
  resolveConfig,
  type ResolvedConfig,
} from './config/resolve-config.js';
import { APIConnectionError } from './errors/api-connection-error.js';
import type { APIError } from './errors/api-error.js';
import { APITimeoutError } from './errors/api-timeout-error.js';
import { APIUserAbortError } from './errors/api-user-abort-error.js';
import { RateLimitError } from './errors/rate-limit-error.js';
import { RequestValidationError } from './errors/request-validation-error.js';
import type { UpkitError } from './errors/upkit-error.js';
import { mergeHeaders } from './headers/merge-headers.js';
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
import { parseJsonBody } from './response/parse-json.js';
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

const INSPECT = Symbol.for('nodejs.util.inspect.custom');
const NEVER_ABORTED = new AbortController().signal;

interface PreparedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
  readonly operationId: string | undefined;
  /** Safe to repeat: idempotent method or operation, idempotency key, or opt-in. */
  readonly repeatable: boolean;
  readonly replayable: boolean;
  /** Same origin as the base URL: auth applies. */
  readonly trusted: boolean;
}

interface Failure {
  error: UpkitError;
  trigger: RetryTrigger;
  retryAfterMs: number | undefined;
}

/** Lets a success handler keep the call's abort links alive past the attempt (streamed bodies). */
interface Lease {
  /** Stops the attempt timer; returns the function that releases the links. */
  keep(): () => void;
}

/** `safeUrl` gives the redacted URL; it is computed only when an error or a log line needs it. */
type SuccessHandler<T> = (response: Response, lease: Lease, safeUrl: () => string) => Promise<T>;

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
      this.#requestOperation(op, params, options) as Promise<WithResponse<OperationOutput<Op>>>,
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
    const base = this.#baseFor(options);
    const query = serializeQuery(options.query);
    const url = resolveTargetUrl(options.url, base, query, cfg.allowInsecureHttp);
    const trusted = new URL(url).origin === base.origin;
    const headers = new Headers(trusted ? cfg.headers : cfg.foreignHeaders);
    let body: BodyInit | null = options.body ?? null;
    if (options.json !== undefined) {
      if (options.body !== undefined && options.body !== null) {
        throw new RequestValidationError([{ message: 'pass either body or json', path: ['body'] }]);
      }
      body = serializeJson(options.json, undefined);
      headers.set('content-type', 'application/json');
    }
    mergeHeaders(headers, options.headers);
    const repeatable = this.#applyIdempotency(options.method, headers, options, options.idempotent);
    const prepared: PreparedRequest = {
      method: options.method,
      url,
      headers,
      body,
      operationId: undefined,
      repeatable,
      replayable: isReplayableBody(body),
      trusted,
    };
    const result = await this.#execute(prepared, options, async (response, lease) =>
      releaseOnBodyEnd(response, lease.keep()),
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

  async #requestOperation(
    op: OperationDescriptor,
    params: OperationParams,
    options: OperationRequestOptions,
  ): Promise<WithResponse<unknown>> {
    const cfg = this.#config;
    const operationId = op.operationId;
    const base = this.#baseFor(options);
    const path = buildPath(op.path, params.path, operationId);
    const query = serializeQuery(
      options.query ? { ...params.query, ...options.query } : params.query,
    );
    const url = buildUrl(base, path, query);

    let body: string | null = null;
    if (op.body) {
      const checked = await validateSchema(op.body, params.body, ['body']);
      if (!checked.ok) throw new RequestValidationError(checked.issues, { operationId });
      if (checked.value !== undefined) body = serializeJson(checked.value, operationId);
    } else if (params.body !== undefined) {
      throw new RequestValidationError(
        [{ message: 'this operation takes no request body', path: ['body'] }],
        { operationId },
      );
    }

    const headers = new Headers(cfg.operationHeaders);
    if (body !== null) headers.set('content-type', 'application/json');
    mergeHeaders(headers, options.headers);
    const repeatable = this.#applyIdempotency(op.method, headers, options, op.idempotent);
    const mode = options.validation ?? cfg.validation;
    const prepared: PreparedRequest = {
      method: op.method,
      url,
      headers,
      body,
      operationId,
      repeatable,
      replayable: true,
      trusted: true,
    };
    return this.#execute(prepared, options, (response, _lease, safeUrl) =>
      readOperationBody(op, response, mode, safeUrl, cfg.logger),
    );
  }

  /** The retry loop. Each attempt gets its own timer; the call gets the caller's signal and deadline. */
  async #execute<T>(
    req: PreparedRequest,
    options: RequestOptions,
    onSuccess: SuccessHandler<T>,
  ): Promise<WithResponse<T>> {
    const cfg = this.#config;
    const maxRetries = checkCount(options.maxRetries, 'maxRetries', cfg.maxRetries);
    const timeoutMs = checkDuration(options.timeoutMs, 'timeoutMs', cfg.timeoutMs);
    const deadlineMs =
      options.deadlineMs === undefined
        ? cfg.deadlineMs
        : checkDuration(options.deadlineMs, 'deadlineMs', 0);
    let redacted: string | undefined;
    const safeUrl = (): string => (redacted ??= redactUrl(req.url, cfg.allowedQuery));
    const { signal } = options;
    if (signal?.aborted) {
      throw new APIUserAbortError({ method: req.method, url: safeUrl(), reason: signal.reason });
    }

    // The call-level link exists only for a deadline; otherwise attempts follow the caller's signal
    // directly (an AbortController costs more than the rest of a request's bookkeeping).
    const call =
      deadlineMs === undefined ? undefined : new LinkedAbortController([signal], deadlineMs);
    const callSignal = call?.signal ?? signal;
    const deadlineAt = deadlineMs === undefined ? Infinity : Date.now() + deadlineMs;
    const abortError = (): UpkitError =>
      call?.cause === 'timeout'
        ? new APITimeoutError({
            method: req.method,
            url: safeUrl(),
            kind: 'deadline',
            timeoutMs: deadlineMs ?? 0,
          })
        : new APIUserAbortError({ method: req.method, url: safeUrl(), reason: signal?.reason });
    let retained = false;
    let lastRetryCost: number | undefined;
    try {
      for (let attempt = 1; ; attempt++) {
        const link = new LinkedAbortController([callSignal], timeoutMs);
        let kept = false;
        let failure: Failure;
        try {
          const response = await this.#attempt(req, attempt, maxRetries + 1, link.signal);
          if (response.ok) {
            const lease: Lease = {
              keep: () => {
                kept = retained = true;
                link.clearTimer();
                return () => {
                  link.dispose();
                  call?.dispose();
                };
              },
            };
            const data = await onSuccess(response, lease, safeUrl);
            cfg.retryBudget.recordSuccess(lastRetryCost);
            return { data, response };
          }
          const error = await this.#readAPIError(response, req, safeUrl());
          failure = {
            error,
            trigger: { kind: 'status', status: response.status, headers: response.headers },
            retryAfterMs:
              error instanceof RateLimitError
                ? error.retryAfterMs
                : parseRetryAfter(response.headers),
          };
        } catch (error) {
          if (!link.signal.aborted && !(error instanceof APIConnectionError)) throw error;
          if (link.cause !== 'timeout') {
            if (callSignal?.aborted) throw abortError();
            if (!(error instanceof APIConnectionError)) throw error;
          }
          failure =
            link.cause === 'timeout'
              ? {
                  error: new APITimeoutError({
                    method: req.method,
                    url: safeUrl(),
                    kind: 'attempt',
                    timeoutMs,
                  }),
                  trigger: { kind: 'timeout' },
                  retryAfterMs: undefined,
                }
              : {
                  error: error as APIConnectionError,
                  trigger: { kind: 'connection' },
                  retryAfterMs: undefined,
                };
        } finally {
          if (!kept) link.dispose();
        }

        const retry = this.#planRetry(req, failure, attempt, maxRetries, deadlineAt, safeUrl());
        if (!retry) throw failure.error;
        lastRetryCost = retry.cost;
        try {
          await cfg.sleep(retry.delayMs, callSignal ?? NEVER_ABORTED);
        } catch (error) {
          if (callSignal?.aborted) throw abortError();
          throw error;
        }
      }
    } finally {
      if (!retained) call?.dispose();
    }
  }

  /** One attempt: auth, middleware, fetch. Network failures become `APIConnectionError`s. */
  async #attempt(
    req: PreparedRequest,
    attempt: number,
    maxAttempts: number,
    signal: AbortSignal,
  ): Promise<Response> {
    const cfg = this.#config;
    // Middleware may change headers per attempt; without it the call's own copy can be reused.
    const headers = cfg.middleware.length === 0 ? req.headers : new Headers(req.headers);
    if (req.trusted && cfg.auth)
      await cfg.auth.apply(headers, { method: req.method, url: req.url });
    const request = new AttemptRequest(
      {
        method: req.method,
        url: req.url,
        headers,
        body: req.body,
        attempt,
        maxAttempts,
        operationId: req.operationId,
        signal,
      },
      { headers: cfg.allowedHeaders, query: cfg.allowedQuery },
    );
    const started = cfg.log.debug ? Date.now() : 0;
    const response =
      cfg.middleware.length === 0
        ? await this.#fetch(request)
        : await runMiddleware(cfg.middleware, request, this.#fetch);
    if (cfg.log.debug) {
      cfg.logger.debug(
        `← ${response.status} ${req.method} ${redactUrl(request.url, cfg.allowedQuery)} (${
          Date.now() - started
        } ms)`,
        {
          headers: redactHeaders(response.headers, cfg.allowedHeaders),
          requestId: requestIdFromHeaders(response.headers),
        },
      );
    }
    return response;
  }

  // An arrow property, so that middleware can call it detached as `next`.
  readonly #fetch: MiddlewareNext = async (request) => {
    const cfg = this.#config;
    if (cfg.log.debug) {
      cfg.logger.debug(
        `→ ${request.method} ${redactUrl(request.url, cfg.allowedQuery)} (attempt ${request.attempt}/${request.maxAttempts})`,
        { headers: redactHeaders(request.headers, cfg.allowedHeaders) },
      );
    }
    const init: RequestInit & { duplex?: 'half' } = {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
    };
    if (!isReplayableBody(request.body)) init.duplex = 'half';
    const fetchImpl: FetchLike = cfg.fetch ?? globalThis.fetch;
    try {
      return await fetchImpl(request.url, init);
    } catch (error) {
      throw new APIConnectionError({
        method: request.method,
        url: redactUrl(request.url, cfg.allowedQuery),
        cause: error,
      });
    }
  };

  /** Whether and when to retry; takes the cost from the retry budget when it says yes. */
  #planRetry(
    req: PreparedRequest,
    failure: Failure,
    attempt: number,
    maxRetries: number,
    deadlineAt: number,
    safeUrl: string,
  ): { delayMs: number; cost: number } | undefined {
    const cfg = this.#config;
    if (attempt > maxRetries || !shouldRetry(failure.trigger, req)) return undefined;
    let delayMs: number;
    if (failure.retryAfterMs !== undefined) {
      if (failure.retryAfterMs > cfg.maxRetryDelayMs) {
        if (cfg.log.info) {
          cfg.logger.info(
            `Not retrying ${req.method} ${safeUrl}: the server asked to wait ${failure.retryAfterMs} ms, more than maxRetryDelayMs (${cfg.maxRetryDelayMs} ms)`,
          );
        }
        return undefined;
      }
      delayMs = failure.retryAfterMs;
    } else {
      delayMs = backoffDelay(attempt, cfg.initialRetryDelayMs, cfg.maxRetryDelayMs);
    }
    if (Date.now() + delayMs >= deadlineAt) return undefined;
    const cost = cfg.retryBudget.acquire(failure.trigger.kind === 'timeout' ? 'timeout' : 'retry');
    if (cost === undefined) {
      if (cfg.log.warn) {
        cfg.logger.warn(`Not retrying ${req.method} ${safeUrl}: the retry budget is exhausted`);
      }
      return undefined;
    }
    if (cfg.log.info) {
      cfg.logger.info(
        `Retrying ${req.method} ${safeUrl} in ${delayMs} ms (attempt ${attempt + 1}/${maxRetries + 1}) after: ${failure.error.message}`,
      );
    }
    return { delayMs, cost };
  }

  async #readAPIError(
    response: Response,
    req: PreparedRequest,
    safeUrl: string,
  ): Promise<APIError> {
    let text = '';
    try {
      text = await response.text();
    } catch {
      // The status is what matters; a body cut short only loses the details.
    }
    const parsed = parseJsonBody(text);
    return createAPIError({
      response,
      body: parsed.ok ? parsed.value : parsed.text,
      method: req.method,
      url: safeUrl,
    });
  }

  #baseFor(options: RequestOptions): URL {
    const cfg = this.#config;
    return options.baseUrl === undefined
      ? cfg.baseUrl
      : parseBaseUrl(options.baseUrl, cfg.allowInsecureHttp);
  }

  /** Sets the idempotency key if asked, and says whether the request may be repeated. */
  #applyIdempotency(
    method: string,
    headers: Headers,
    options: RequestOptions,
    idempotent: boolean | undefined,
  ): boolean {
    const cfg = this.#config;
    const name = cfg.idempotencyKeyHeader;
    const safeMethod = isIdempotentMethod(method);
    const wanted = options.idempotencyKey ?? (cfg.autoIdempotencyKey && !safeMethod);
    if (typeof wanted === 'string') {
      mergeHeaders(headers, { [name]: wanted });
    } else if (wanted && !headers.has(name)) {
      headers.set(name, generateIdempotencyKey());
    }
    return (
      (idempotent ?? safeMethod) ||
      (options.retryNonIdempotent ?? cfg.retryNonIdempotent) ||
      headers.has(name)
    );
  }
}

/** Creates the request executor. Throws a `ConfigurationError` for an unusable option. */
export function createHttpClient(config: HttpClientConfig): HttpClient {
  return new HttpClient(config);
}
