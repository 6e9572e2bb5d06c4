import { exponentialDelay } from '../retry/backoff.js';

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
  const jittered =
    exponentialDelay(attempt, minDelayMs, maxDelayMs) * (1 + jitter * (2 * random() - 1));
  return Math.round(Math.min(maxDelayMs, Math.max(minDelayMs, jittered)));
}
