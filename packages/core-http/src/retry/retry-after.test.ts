import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after.js';

const NOW = Date.parse('2025-06-30T15:00:00Z');

describe('parseRetryAfter', () => {
  it('prefers retry-after-ms', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), NOW)).toBe(
      250,
    );
  });

  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after': '3' }), NOW)).toBe(3000);
    expect(parseRetryAfter(new Headers({ 'retry-after': '1.5' }), NOW)).toBe(1500);
    const date = new Date(NOW + 4000).toUTCString();
    expect(parseRetryAfter(new Headers({ 'retry-after': date }), NOW)).toBe(4000);
    const past = new Date(NOW - 60_000).toUTCString();
    expect(parseRetryAfter(new Headers({ 'retry-after': past }), NOW)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(new Headers(), NOW)).toBeUndefined();
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }), NOW)).toBeUndefined();
    expect(parseRetryAfter(new Headers({ 'retry-after': '-1' }), NOW)).toBeUndefined();
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': 'x' }), NOW)).toBeUndefined();
  });
});
