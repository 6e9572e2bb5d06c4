import { timingSafeEqual } from 'node:crypto';

/**
 * Compares two strings in time that depends on their lengths only, not on where they differ
 * (for secrets and signatures).
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
