import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateIdempotencyKey } from './idempotency-key.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('generateIdempotencyKey', () => {
  it('is a fresh UUID v4 where crypto.randomUUID exists', () => {
    const key = generateIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(generateIdempotencyKey()).not.toBe(key);
  });

  it('falls back to 128 random bits in hex without it (plain-http browser pages)', () => {
    const { getRandomValues } = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: getRandomValues.bind(globalThis.crypto) });
    const key = generateIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(generateIdempotencyKey()).not.toBe(key);
  });
});
