/**
 * The pause before poll number `attempt + 1`: `minDelayMs × 2^(attempt-1)`, capped at `maxDelayMs`,
 * moved by up to ±`jitter` of itself (so that many waiters started together drift apart), and kept
 * within `[minDelayMs, maxDelayMs]`.
 */
export function waiterDelay(
  attempt: number,
  minDelayMs: number,
  maxDelayMs: number,
  jitter: number,
  random: () => number = Math.random,
): number {
  const base = Math.min(maxDelayMs, minDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = base * (1 + jitter * (2 * random() - 1));
  return Math.round(Math.min(maxDelayMs, Math.max(minDelayMs, jittered)));
}
