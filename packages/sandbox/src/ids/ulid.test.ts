import { describe, expect, it } from 'vitest';
import { prefixedUlid, ulid, ulidTime } from './ulid.js';

describe('ulid', () => {
  it('is 26 Crockford base32 characters', () => {
    expect(ulid()).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('encodes the time so that ids sort by creation', () => {
    const early = ulid(1_700_000_000_000);
    const late = ulid(1_700_000_000_001);
    expect(early < late).toBe(true);
    expect(ulidTime(early)).toBe(1_700_000_000_000);
    expect(ulidTime(prefixedUlid('upload', 1_751_296_527_153))).toBe(1_751_296_527_153);
  });

  it('encodes a known time like the reference implementation', () => {
    // The ULID spec's example time 1469918176385 encodes as 01ARYZ6S41.
    expect(ulid(1469918176385).slice(0, 10)).toBe('01ARYZ6S41');
  });

  it('differs in its random part between calls', () => {
    const ids = new Set(Array.from({ length: 200 }, () => ulid(0)));
    expect(ids.size).toBe(200);
  });

  it('prefixes', () => {
    expect(prefixedUlid('upload')).toMatch(/^upload_[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('refuses times out of range', () => {
    expect(() => ulid(-1)).toThrow(RangeError);
    expect(() => ulid(2 ** 48)).toThrow(RangeError);
  });
});
