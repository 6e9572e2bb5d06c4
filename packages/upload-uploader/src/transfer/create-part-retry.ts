import {
  nextRetry,
  parseRetryAfter,
  sleep as abortableSleep,
  type RetryBudget,
  type RetryStopReason,
} from '@upkit/core-http';
import type { PartRetry, PartRetryDecision, RetryCause } from './part-retry.js';

/** Why a part is not tried again, for its error's message. */
function stopText(reason: RetryStopReason, delayMs: number | undefined): string {
  switch (reason) {
    case 'retry-after-too-long':
      return `storage asked to wait ${String(delayMs)} ms, longer than maxRetryDelayMs`;
    case 'attempts-exhausted':
      return 'no retries left (maxRetries)';
    case 'budget-exhausted':
      return 'the shared retry budget is exhausted';
    case 'deadline':
      return 'the retry would end past the deadline';
    case 'not-retryable':
      return 'not retryable';
  }
}

export interface PartRetryOptions {
  readonly maxRetries: number;
  readonly initialRetryDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly budget: RetryBudget;
  readonly now?: (() => number) | undefined;
  readonly sleep?: ((ms: number, signal: AbortSignal) => Promise<void>) | undefined;
}

/**
 * The parts' retry policy: core-http's `nextRetry` (backoff with full jitter, Retry-After, the
 * shared budget), per part. A part PUT is always safe to repeat, and its body is replayable (the
 * engine holds it, or re-reads the source). Storage's 4xx other than 408 and 429 are final.
 */
export function createPartRetry(options: PartRetryOptions): PartRetry {
  const now = options.now ?? Date.now;
  const policy = {
    maxRetries: options.maxRetries,
    initialRetryDelayMs: options.initialRetryDelayMs,
    maxRetryDelayMs: options.maxRetryDelayMs,
    retryBudget: options.budget,
  };
  return {
    now,
    sleep: options.sleep ?? abortableSleep,
    succeeded: (lastRetryCost) => options.budget.recordSuccess(lastRetryCost),
    decide(attempt: number, cause: RetryCause): PartRetryDecision {
      const status = cause.kind === 'status' ? cause.status : undefined;
      if (
        status !== undefined &&
        status >= 400 &&
        status < 500 &&
        status !== 408 &&
        status !== 429
      ) {
        return { stop: `a ${status} is final` };
      }
      const retryAfterMs =
        cause.kind === 'status' ? parseRetryAfter(cause.headers, now()) : undefined;
      const decision = nextRetry(
        { attempt, trigger: cause, retryAfterMs, repeatable: true, replayable: true, now: now() },
        policy,
      );
      if (decision.stop) return { stop: stopText(decision.reason, decision.delayMs) };
      // A server that asks to slow down is asked by every part: hold them all.
      const pauseAll = retryAfterMs !== undefined && (status === 429 || status === 503);
      return { delayMs: decision.delayMs, pauseAll, cost: decision.cost };
    },
  };
}
