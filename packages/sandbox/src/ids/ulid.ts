import { randomBytes } from 'node:crypto';

/** Crockford's base32, the ULID alphabet (no I, L, O, U). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID (https://github.com/ulid/spec): 48 bits of milliseconds then 80 random bits, as 26
 * Crockford base32 characters. Sorting the strings sorts by creation time, which is what Cadenya's
 * prefixed ids rely on.
 */
export function ulid(nowMs: number = Date.now()): string {
  if (!Number.isSafeInteger(nowMs) || nowMs < 0 || nowMs > 2 ** 48 - 1) {
    throw new RangeError(`ULID time must be an integer in [0, 2^48): ${nowMs}`);
  }
  let time = '';
  let t = nowMs;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  // 80 bits = 16 characters of 5 bits; take them from 10 random bytes.
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let random = '';
  for (let i = 0; i < 16; i++) {
    random = ALPHABET[Number(bits & 31n)]! + random;
    bits >>= 5n;
  }
  return time + random;
}

/** A Cadenya-style prefixed ULID, e.g. `upload_01HXKD2E5NQM3T9AYWCFZ05DNK`. */
export function prefixedUlid(prefix: string, nowMs?: number): string {
  return `${prefix}_${ulid(nowMs)}`;
}

/** The creation time encoded in a ULID's first 10 characters. */
export function ulidTime(id: string): number {
  const time = id.slice(-26, -16);
  let ms = 0;
  for (const char of time) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) throw new TypeError(`Not a ULID: ${id}`);
    ms = ms * 32 + digit;
  }
  return ms;
}
