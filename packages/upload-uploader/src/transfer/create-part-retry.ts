import {
  nextRetry,
  parseRetryAfter,
  sleep as abortableSleep,
  type RetryBudget,
} from '@upkit/core-http';
import type { PartRetry, PartRetryDecision, RetryCause } from './part-retry.js';

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
    decide(attempt: number, cause: RetryCause): PartRetryDecision {
      const status = cause.kind === 'status' ? cause.status : undefined;
      if (
        status !== undefined &&
        status >= 400 &&
        status < 500 &&
        status !== 408 &&
        status !== 429
      ) {
        return { stop: `storage answered ${status}` };
      }
      const retryAfterMs =
        cause.kind === 'status' ? parseRetryAfter(cause.headers, now()) : undefined;
      const decision = nextRetry(
        { attempt, trigger: cause, retryAfterMs, repeatable: true, replayable: true, now: now() },
        policy,
      );
      if (decision.stop) return { stop: decision.reason };
      // A server that asks to slow down is asked by every part: hold them all.
      const pauseAll = retryAfterMs !== undefined && (status === 429 || status === 503);
      return { delayMs: decision.delayMs, pauseAll };
    },
  };
}
