/**
 * A fresh idempotency key (a UUID v4). `crypto.randomUUID` exists on Node ≥ 19, Deno, Bun, Workers
 * and browsers in secure contexts; plain-http pages lack it, hence the getRandomValues fallback.
 */
export function generateIdempotencyKey(): string {
  const { crypto } = globalThis;
  return crypto.randomUUID
    ? crypto.randomUUID()
    : // Each x becomes a random hex digit, y one of 8, 9, a or b (the RFC 9562 variant).
      'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
        const random = crypto.getRandomValues(new Uint8Array(1))[0]! & 15;
        return (c === 'x' ? random : (random & 3) | 8).toString(16);
      });
}
