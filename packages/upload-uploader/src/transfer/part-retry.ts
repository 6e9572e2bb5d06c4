import type { RetryTrigger } from '@upkit/core-http';

/** What went wrong with a part's attempt: core-http's trigger (a stall is its own kind). */
export type RetryCause = RetryTrigger;

/**
 * Try again after `delayMs` (and hold every part that long when `pauseAll`), having taken `cost`
 * from the shared budget; or stop, for the reason given.
 */
export type PartRetryDecision =
  | { readonly delayMs: number; readonly pauseAll: boolean; readonly cost: number }
  | { readonly stop: string };

/** The retry policy of one upload's parts, over core-http's retry decision and shared budget. */
export interface PartRetry {
  decide(attempt: number, cause: RetryCause): PartRetryDecision;
  /**
   * A part was stored: refills the shared budget with what its last retry cost (or the small
   * refund of a success at the first attempt), so that a long-lived process keeps retrying.
   */
  succeeded(lastRetryCost: number | undefined): void;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  now(): number;
}
