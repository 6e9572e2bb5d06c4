import { LinkedAbortController } from '../abort/linked-abort-controller.js';
import { sleep as defaultSleep } from '../abort/sleep.js';
import { APIUserAbortError } from '../errors/api-user-abort-error.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import { WaiterFailureError } from '../errors/waiter-failure-error.js';
import { WaiterTimeoutError } from '../errors/waiter-timeout-error.js';
import { waiterDelay } from './waiter-delay.js';

/** Options of {@link waitFor}. */
export interface WaitForOptions<T> {
  /** Fetches the current state. Pass `signal` on to the request, so the deadline can cut it short. */
  poll: (signal: AbortSignal) => Promise<T>;
  /** The state we are waiting for, e.g. `upload.status === 'imported' && upload.entityId`. */
  isSuccess: (value: T) => boolean;
  /** A terminal failure, e.g. `upload.status === 'failed'`: stop and throw `WaiterFailureError`. */
  isFailure?: (value: T) => boolean;
  /**
   * The error to stop with when `isFailure` holds, e.g. a typed `UploadFailedError`.
   * @default a `WaiterFailureError` with the value and the number of polls
   */
  failureError?: (value: T, attempts: number) => Error;
  /**
   * Whether an error thrown by `poll` should be ignored and polling go on. The HTTP client already
   * retried transient failures, so by default every error stops the wait. @default () => false
   */
  isRetryable?: (error: unknown) => boolean;
  /** Called with every polled value (progress reporting). */
  onPoll?: (value: T, attempt: number) => void;
  /** The first pause between polls. @default 2000 */
  minDelayMs?: number;
  /** The longest pause between polls. @default 30000 */
  maxDelayMs?: number;
  /** Fraction of each pause that is random (0 = none, 1 = up to ±100 %). @default 0.2 */
  jitter?: number;
  /** Give up after this long (WaiterTimeoutError, with the last value). @default 300000 */
  timeoutMs?: number;
  /** Stops waiting with an `APIUserAbortError`. */
  signal?: AbortSignal;
  /** Waits between polls; must reject when the signal aborts. For tests. @default an abortable setTimeout */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The clock the deadline is read on, in ms since the epoch. For tests. @default Date.now */
  now?: () => number;
}

/**
 * Polls until `isSuccess` holds, with exponential, jittered pauses between `minDelayMs` and
 * `maxDelayMs`. Like the AWS SDK waiters, it gives up as soon as the next pause would end past the
 * deadline, rather than sleeping into it; a poll still running at the deadline is aborted.
 *
 * @throws WaiterFailureError (or `failureError`'s error) when `isFailure` holds (with the value).
 * @throws WaiterTimeoutError at the deadline (with the last value seen).
 * @throws APIUserAbortError when `signal` aborts: the poll's own, with its request's method and
 *   URL, when it aborted a request; otherwise one without (no request was running).
 * @throws whatever `poll` throws, unless `isRetryable` says to go on.
 */
export async function waitFor<T>(options: WaitForOptions<T>): Promise<T> {
  const {
    minDelayMs = 2000,
    maxDelayMs = 30_000,
    jitter = 0.2,
    timeoutMs = 300_000,
    sleep = defaultSleep,
    now = Date.now,
    signal,
  } = options;
  checkOptions(minDelayMs, maxDelayMs, jitter, timeoutMs);
  if (signal?.aborted) throw new APIUserAbortError({ reason: signal.reason });

  const deadline = new LinkedAbortController(signal, timeoutMs);
  const deadlineAt = now() + timeoutMs;
  let lastValue: T | undefined;
  let attempts = 0;
  const stopped = (): Error =>
    deadline.cause === 'timeout'
      ? new WaiterTimeoutError({ lastValue, attempts, timeoutMs })
      : new APIUserAbortError({ reason: signal?.reason });
  try {
    for (;;) {
      attempts++;
      let polled = false;
      try {
        lastValue = await options.poll(deadline.signal);
        polled = true;
      } catch (error) {
        // A request the caller's signal aborted says so itself, with its method and URL.
        if (deadline.cause === 'parent' && error instanceof APIUserAbortError) throw error;
        if (deadline.signal.aborted) throw stopped();
        if (!options.isRetryable?.(error)) throw error;
      }
      if (polled) {
        const value = lastValue as T;
        options.onPoll?.(value, attempts);
        if (options.isSuccess(value)) return value;
        if (options.isFailure?.(value)) {
          throw (
            options.failureError?.(value, attempts) ?? new WaiterFailureError({ value, attempts })
          );
        }
      }
      const delay = waiterDelay(attempts, minDelayMs, maxDelayMs, jitter);
      if (now() + delay > deadlineAt) {
        throw new WaiterTimeoutError({ lastValue, attempts, timeoutMs });
      }
      try {
        await sleep(delay, deadline.signal);
      } catch (error) {
        throw deadline.signal.aborted ? stopped() : error;
      }
    }
  } finally {
    deadline.dispose();
  }
}

function checkOptions(min: number, max: number, jitter: number, timeout: number): void {
  const bad = (option: string, rule: string): never => {
    throw new ConfigurationError(`waitFor: ${option} ${rule}`, { option });
  };
  if (!(min >= 0)) bad('minDelayMs', 'must be a non-negative number');
  if (!(max >= min)) bad('maxDelayMs', 'must be at least minDelayMs');
  if (!(jitter >= 0 && jitter <= 1)) bad('jitter', 'must be between 0 and 1');
  if (!(timeout > 0)) bad('timeoutMs', 'must be a positive number');
}
