import { APIConnectionError } from '../errors/api-connection-error.js';
import type { UpkitError } from '../errors/upkit-error.js';
import { AttemptRequest, runMiddleware } from '../middleware.js';
import type { RetryTrigger } from '../retry/should-retry.js';
import type { CallContext } from './call-context.js';
import { dispatch } from './dispatch.js';

/**
 * Turns a 2xx response into the call's data. `keep()` lets the call's abort links outlive the
 * attempt (a body read later) and returns the function that releases them.
 */
export type SuccessHandler<T> = (
  response: Response,
  keep: () => () => void,
  call: CallContext,
) => Promise<T>;

/** How an attempt ended, when it did not end the call: with data, or with a retry candidate. */
export type AttemptOutcome<T> =
  | { readonly data: T; readonly response: Response }
  | { readonly error: UpkitError; readonly trigger: RetryTrigger; readonly retryAfterMs?: number };

/**
 * One attempt: auth, middleware and fetch, with the attempt's own timer. Throws what ends the call
 * (the caller's signal or the deadline; errors of the caller's own code, which propagate
 * unchanged); returns the rest.
 */
export async function runAttempt<T>(
  call: CallContext,
  attempt: number,
  onSuccess: SuccessHandler<T>,
): Promise<AttemptOutcome<T>> {
  const { cfg, plan } = call;
  const { method, url, body, operationId } = plan;
  const link = call.attemptLink();
  let kept = false;
  try {
    // Middleware may change headers per attempt; without it the call's own copy is reused.
    const headers = cfg.middleware.length ? new Headers(plan.headers) : plan.headers;
    const pending = plan.trusted && cfg.auth?.apply(headers, { method, url });
    if (pending) await pending;
    const { maxAttempts } = plan;
    const init = {
      method,
      url,
      headers,
      body,
      attempt,
      maxAttempts,
      operationId,
      signal: link.signal,
    };
    // What middleware sees must print without credentials; fetch alone needs no wrapper.
    const request = cfg.middleware.length ? new AttemptRequest(init, cfg.redaction) : init;
    const response = await runMiddleware(cfg.middleware, request, (last) => dispatch(call, last));
    if (response.ok) {
      const keep = () => ((kept = true), call.keep(link));
      return { data: await onSuccess(response, keep, call), response };
    }
    const error = await call.apiError(response, headers);
    const { status, headers: received } = response;
    return {
      error,
      trigger: { kind: 'status', status, headers: received },
      retryAfterMs: error.retryAfterMs,
    };
  } catch (caught) {
    // The caller's signal or the deadline: the call is over, whatever the attempt threw.
    if (link.cause === 'parent') throw call.stopped();
    if (link.cause === 'timeout') return { error: call.timedOut(), trigger: { kind: 'timeout' } };
    // Errors of the caller's own code (auth, middleware, validation) propagate unchanged.
    if (!(caught instanceof APIConnectionError)) throw caught;
    return { error: caught, trigger: { kind: 'connection' } };
  } finally {
    if (!kept) link.dispose();
  }
}
