import { createHash } from 'node:crypto';

/**
 * `size` seeded pseudo-random bytes behind a GLB header: they differ everywhere, so a shifted or
 * repeated part would not go unnoticed.
 */
export function fileBytes(size: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  bytes.set([0x67, 0x6c, 0x54, 0x46, 2, 0, 0, 0].slice(0, size));
  return bytes;
}

/** The sha256 of `bytes`, in hex. */
export const sha256 = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');
