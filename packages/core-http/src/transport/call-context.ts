import { LinkedAbortController } from '../abort/linked-abort-controller.js';
import type { ResolvedConfig } from '../config/resolve-config.js';
import { APIConnectionError } from '../errors/api-connection-error.js';
import { APITimeoutError } from '../errors/api-timeout-error.js';
import { APIUserAbortError } from '../errors/api-user-abort-error.js';
import type { APIError } from '../errors/api-error.js';
import { ResponseTooLargeError } from '../errors/response-too-large-error.js';
import type { UpkitError } from '../errors/upkit-error.js';
import { levelEnabled, type LogLevel } from '../logging/logger.js';
import { scrubSecrets, secretsOf } from '../logging/scrub-secrets.js';
import { createAPIError } from '../response/create-api-error.js';
import { requestIdFromHeaders } from '../response/request-id.js';
import type { RetryPolicy } from '../retry/next-retry.js';
import { redactUrl } from '../url/redact-url.js';
import type { CallPlan } from './call-plan.js';

const NEVER_ABORTED = new AbortController().signal;

/**
 * One call while it runs: its abort links (the caller's signal, the deadline), its clock, its log
 * lines, and the errors that end it, built here and only here, so that each kind of error gets the
 * same fields wherever the call raises it.
 */
export class CallContext {
  readonly cfg: ResolvedConfig;
  readonly plan: CallPlan;
  /** When the call must be over (ms since the epoch, on `cfg.now`); Infinity without a deadline. */
  readonly deadlineAt: number;
  /** Set once a success handler kept the abort links for a body read later. */
  kept = false;
  /** The client's retry rules, with this call's `maxRetries`. */
  readonly policy: RetryPolicy;
  /** What the last retry cost, refunded on success. */
  lastRetryCost: number | undefined;
  // The call-level link exists only for a deadline; otherwise attempts follow the caller's signal
  // directly (an AbortController costs more than the rest of a request's bookkeeping).
  readonly #link: LinkedAbortController | undefined;
  #url: string | undefined;

  constructor(cfg: ResolvedConfig, plan: CallPlan) {
    this.cfg = cfg;
    this.plan = plan;
    const { deadline } = plan.settings;
    if (plan.signal?.aborted) throw this.stopped();
    this.#link =
      deadline === undefined ? undefined : new LinkedAbortController(plan.signal, deadline);
    this.deadlineAt = cfg.now() + (deadline ?? Infinity);
    const { initialRetryDelayMs, maxRetryDelayMs, retryBudget } = cfg;
    const { maxRetries } = plan.settings;
    this.policy = { maxRetries, initialRetryDelayMs, maxRetryDelayMs, retryBudget };
  }

  /** Aborts on the caller's signal or the deadline. */
  get signal(): AbortSignal | undefined {
    return this.#link?.signal ?? this.plan.signal;
  }

  /** The call's URL, redacted (computed once, and only when needed: parsing is not free). */
  url(): string {
    return (this.#url ??= redactUrl(this.plan.url, this.cfg.redaction.query));
  }

  /** A new attempt's link: the call's signal, and the per-attempt timer. */
  attemptLink(): LinkedAbortController {
    return new LinkedAbortController(this.signal, this.plan.settings.timeout);
  }

  /** Waits before a retry; the caller's signal or the deadline end the call instead. */
  async pause(ms: number): Promise<void> {
    try {
      await this.cfg.sleep(ms, this.signal ?? NEVER_ABORTED);
    } catch (caught) {
      throw this.signal?.aborted ? this.stopped() : caught;
    }
  }

  /** The error of a call ended by its signal: the deadline's timeout, or the caller's abort. */
  stopped(): UpkitError {
    const { method } = this.plan;
    const { deadline } = this.plan.settings;
    const error =
      this.#link?.cause === 'timeout'
        ? new APITimeoutError({ method, url: this.url(), kind: 'deadline', timeoutMs: deadline! })
        : new APIUserAbortError({ method, url: this.url(), reason: this.plan.signal?.reason });
    this.log('info', `Stopped ${method} ${this.url()}: ${error.message}`);
    return error;
  }

  /** The error of an attempt that ran out of time. */
  timedOut(): APITimeoutError {
    const { method, settings } = this.plan;
    return new APITimeoutError({
      method,
      url: this.url(),
      kind: 'attempt',
      timeoutMs: settings.timeout,
    });
  }

  /**
   * The {@link APIError} of a non-2xx response, with whatever the request's secret headers held
   * scrubbed from the body (so from the message too): a server echoing `Authorization` must not put
   * the key into a message, a log line or an error report.
   */
  apiError(response: Response, sent: Headers): Promise<APIError> {
    const { cfg, plan } = this;
    return createAPIError(response, {
      method: plan.method,
      url: this.url(),
      maxBytes: plan.settings.maxResponseBytes,
      scrub: (text) => scrubSecrets(text, secretsOf(sent, cfg.redaction.headers)),
      now: cfg.now,
    });
  }

  /** The error of a 2xx body that broke off: a connection error, so retried like one. */
  bodyLost(cause: unknown): APIConnectionError {
    const message = 'connection lost while reading the response body';
    return new APIConnectionError({ method: this.plan.method, url: this.url(), message, cause });
  }

  /** The error of a 2xx body over `maxResponseBytes`. */
  tooLarge(response: Response): ResponseTooLargeError {
    return new ResponseTooLargeError({
      method: this.plan.method,
      url: this.url(),
      status: response.status,
      maxResponseBytes: this.plan.settings.maxResponseBytes,
      operationId: this.plan.operationId,
      requestId: requestIdFromHeaders(response.headers),
    });
  }

  /** Logs `message` if the client's level lets `level` through. */
  log(level: Exclude<LogLevel, 'off'>, message: string): void {
    if (levelEnabled(this.cfg.logLevel, level)) this.cfg.logger[level](message);
  }

  /** Lets go of the call's links, unless a body read later keeps them (see `keep`). */
  dispose(): void {
    if (!this.kept) this.#link?.dispose();
  }

  /**
   * Keeps the call's links and `attempt`'s past the attempt, for a body the caller reads later;
   * returns the function that lets go of them.
   */
  keep(attempt: LinkedAbortController): () => void {
    this.kept = true;
    attempt.clearTimer();
    return () => {
      attempt.dispose();
      this.#link?.dispose();
    };
  }
}
