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
  const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}
