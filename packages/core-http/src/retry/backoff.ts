/**
 * `initialDelayMs × 2^(retry-1)`, capped at `maxDelayMs`: the exponential growth that retries and
 * waiters share.
 *
 * @param retry 1 for the first retry (or pause), 2 for the second…
 */
export function exponentialDelay(
  retry: number,
  initialDelayMs: number,
  maxDelayMs: number,
): number {
  return Math.min(maxDelayMs, initialDelayMs * 2 ** Math.max(0, retry - 1));
}

/**
 * Exponential backoff with full jitter ("Exponential Backoff And Jitter", AWS Architecture Blog):
 * a uniformly random delay in `[0, min(maxDelayMs, initialDelayMs × 2^(retry-1)))`. Full jitter
 * spreads a fleet of clients that failed together, instead of making them retry in lockstep.
 *
 * @param retry 1 for the first retry, 2 for the second…
 */
export function backoffDelay(
  retry: number,
  initialDelayMs: number,
  maxDelayMs: number,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * exponentialDelay(retry, initialDelayMs, maxDelayMs));
}
