import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('backoffDelay (full jitter)', () => {
  it('draws uniformly below an exponentially growing, capped ceiling', () => {
    expect(backoffDelay(1, 500, 8000, () => 0.999999)).toBe(499);
    expect(backoffDelay(2, 500, 8000, () => 0.999999)).toBe(999);
    expect(backoffDelay(4, 500, 8000, () => 0.5)).toBe(2000);
    expect(backoffDelay(10, 500, 8000, () => 0.999999)).toBe(7999);
    expect(backoffDelay(3, 500, 8000, () => 0)).toBe(0);
  });

  it('stays within [0, ceiling) with the real random source', () => {
    for (let i = 0; i < 1000; i++) {
      const delay = backoffDelay(3, 100, 8000);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(400);
    }
  });
});
