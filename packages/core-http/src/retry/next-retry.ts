import { backoffDelay } from './backoff.js';
import type { RetryBudget } from './retry-budget.js';
import { shouldRetry, type RetryTrigger } from './should-retry.js';

/** The retry rules of a client (or of an uploader's parts): how often, how long, out of which budget. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** Ceiling of the first retry's random delay, in ms; doubles for each further retry. */
  readonly initialRetryDelayMs: number;
  /** The longest wait before a retry, in ms; a server asking for longer gets no retry. */
  readonly maxRetryDelayMs: number;
  /** The shared allowance of retries. */
  readonly retryBudget: RetryBudget;
}

/** One failed attempt, as {@link nextRetry} needs to know it. */
export interface FailedAttempt {
  /** The attempt that just failed: 1 for the first. */
  readonly attempt: number;
  readonly trigger: RetryTrigger;
  /**
   * How long the server asked to wait, in ms, parsed once (`APIError.retryAfterMs`, or
   * `parseRetryAfter(headers, now)`). Undefined when it did not say: backoff applies.
   */
  readonly retryAfterMs?: number | undefined;
  /** Safe to repeat: an idempotent method or operation, an idempotency key, or the caller's opt-in. */
  readonly repeatable: boolean;
  /** The body can be sent again (not a stream). */
  readonly replayable: boolean;
  /** When everything must be over, in ms since the epoch (on the `now` clock). @default no deadline */
  readonly deadlineAt?: number | undefined;
  /** The time now, on the same clock. */
  readonly now: number;
  /** For tests. @default Math.random */
  readonly random?: (() => number) | undefined;
}

/** Why {@link nextRetry} gave up. */
export type RetryStopReason =
  'not-retryable' | 'attempts-exhausted' | 'retry-after-too-long' | 'deadline' | 'budget-exhausted';

/**
 * Retry after `delayMs` (having taken `cost` from the budget), or stop for `reason` (`delayMs` is
 * then the wait that was too long, for the two reasons about time).
 */
export type RetryDecision =
  | { readonly stop?: undefined; readonly delayMs: number; readonly cost: number }
  | { readonly stop: true; readonly reason: RetryStopReason; readonly delayMs?: number };

/**
 * The one retry decision, for core-http's calls and for loops of their own (an uploader's parts):
 * in this order, it stops when the attempt may not be repeated (`shouldRetry`), when no retry is
 * left, when the server asks for a longer wait than `maxRetryDelayMs`, when the retry would start
 * past the deadline, or when the budget cannot pay for it. Otherwise the wait is the server's
 * `retryAfterMs`, else jittered exponential backoff.
 *
 * It depends only on its arguments, but for one effect: a retry takes its cost from the budget
 * (a timeout or a stall costs `timeoutCost`), so the caller need not (and must not) take it again.
 * Hand `cost` back with `retryBudget.recordSuccess(cost)` when the retried work succeeds.
 */
export function nextRetry(failed: FailedAttempt, policy: RetryPolicy): RetryDecision {
  const { attempt, trigger, deadlineAt = Infinity } = failed;
  if (!shouldRetry(trigger, failed)) return { stop: true, reason: 'not-retryable' };
  if (attempt > policy.maxRetries) return { stop: true, reason: 'attempts-exhausted' };
  const delayMs =
    failed.retryAfterMs ??
    backoffDelay(attempt, policy.initialRetryDelayMs, policy.maxRetryDelayMs, failed.random);
  if (delayMs > policy.maxRetryDelayMs) {
    return { stop: true, reason: 'retry-after-too-long', delayMs };
  }
  if (failed.now + delayMs >= deadlineAt) return { stop: true, reason: 'deadline', delayMs };
  const slow = trigger.kind === 'timeout' || trigger.kind === 'stall';
  const cost = policy.retryBudget.acquire(slow ? 'timeout' : 'retry');
  return cost === undefined ? { stop: true, reason: 'budget-exhausted' } : { delayMs, cost };
}
