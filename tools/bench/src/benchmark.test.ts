import { describe, expect, it } from 'vitest';
import { interleaved, median, ratio } from './benchmark.js';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('refuses an empty list', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('ratio', () => {
  it('divides the value by the baseline', () => {
    expect(ratio({ name: 'x', unit: 'ms', value: 12, baseline: { name: 'raw', value: 10 } })).toBe(
      1.2,
    );
  });
  it('is undefined without a baseline', () => {
    expect(ratio({ name: 'x', unit: 'ms', value: 12 })).toBeUndefined();
  });
});

describe('interleaved', () => {
  it('alternates the order of candidate and baseline between rounds', async () => {
    const calls: string[] = [];
    await interleaved(
      3,
      async () => calls.push('c'),
      async () => calls.push('b'),
    );
    expect(calls).toEqual(['c', 'b', 'b', 'c', 'c', 'b']);
  });
});
