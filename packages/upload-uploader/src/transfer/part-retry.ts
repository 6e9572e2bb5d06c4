import type { RetryTrigger } from '@upkit/core-http';

/** What went wrong with a part's attempt: core-http's trigger (a stall is its own kind). */
export type RetryCause = RetryTrigger;

/** Try again after `delayMs` (and hold every part that long when `pauseAll`), or stop. */
export type PartRetryDecision =
  { readonly delayMs: number; readonly pauseAll: boolean } | { readonly stop: string };

/** The retry policy of one upload's parts, over core-http's retry decision and shared budget. */
export interface PartRetry {
  decide(attempt: number, cause: RetryCause): PartRetryDecision;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  now(): number;
}
