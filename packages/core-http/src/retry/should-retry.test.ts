import { describe, expect, it } from 'vitest';
import { isRetryableStatus, shouldRetry } from './should-retry.js';

const status = (code: number, headers: Record<string, string> = {}) => ({
  kind: 'status' as const,
  status: code,
  headers: new Headers(headers),
});
const safe = { repeatable: true, replayable: true };
const unsafe = { repeatable: false, replayable: true };

describe('shouldRetry', () => {
  it('retries 408, 409, 429 and 5xx only', () => {
    const retryable = [408, 409, 429, 500, 502, 503, 504, 599];
    for (let code = 400; code < 600; code++) {
      expect(isRetryableStatus(code)).toBe(retryable.includes(code) || code >= 500);
      expect(shouldRetry(status(code), safe)).toBe(isRetryableStatus(code));
    }
  });

  it('retries connection errors and timeouts of repeatable requests only', () => {
    expect(shouldRetry({ kind: 'connection' }, safe)).toBe(true);
    expect(shouldRetry({ kind: 'timeout' }, safe)).toBe(true);
    expect(shouldRetry({ kind: 'connection' }, unsafe)).toBe(false);
    expect(shouldRetry(status(503), unsafe)).toBe(false);
  });

  it('obeys x-should-retry over status and method rules', () => {
    expect(shouldRetry(status(503, { 'x-should-retry': 'false' }), safe)).toBe(false);
    expect(shouldRetry(status(400, { 'x-should-retry': 'true' }), safe)).toBe(true);
    expect(shouldRetry(status(503, { 'x-should-retry': 'TRUE' }), unsafe)).toBe(true);
  });

  it('never replays a stream', () => {
    const stream = { repeatable: true, replayable: false };
    expect(shouldRetry(status(503, { 'x-should-retry': 'true' }), stream)).toBe(false);
    expect(shouldRetry({ kind: 'connection' }, stream)).toBe(false);
  });
});
