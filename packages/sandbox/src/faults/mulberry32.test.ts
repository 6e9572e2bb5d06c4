import { describe, expect, it } from 'vitest';
import { mulberry32 } from './mulberry32.js';

describe('mulberry32', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 50 }, () => a());
    expect(Array.from({ length: 50 }, () => b())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => c())).not.toEqual(seqA);
  });

  it('stays in [0, 1) and spreads', () => {
    const next = mulberry32(7);
    const values = Array.from({ length: 10_000 }, () => next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('matches the reference output for seed 1', () => {
    // First value of the reference JavaScript mulberry32 with seed 1.
    expect(mulberry32(1)()).toBeCloseTo(0.6270739405881613, 12);
  });
});
