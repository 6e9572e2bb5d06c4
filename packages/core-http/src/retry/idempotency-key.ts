/**
 * A fresh idempotency key: a UUID v4 where `crypto.randomUUID` exists (Node ≥ 19, Deno, Bun,
 * Workers, browsers in secure contexts), else (plain-http pages) 128 random bits in hex: a key only
 * needs to be unique.
 */
export function generateIdempotencyKey(): string {
  const { crypto } = globalThis;
  return (
    crypto.randomUUID?.() ??
    Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
      byte.toString(16).padStart(2, '0'),
    ).join('')
  );
}
