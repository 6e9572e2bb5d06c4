import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A Scenario-style id: a prefix and 24 base62 characters, e.g. `upload_8fKq2LmZ7xWc4NvR1tYb6pHd`.
 * The small modulo bias does not matter for a sandbox.
 */
export function scenarioId(prefix: string): string {
  const bytes = randomBytes(24);
  let out = '';
  for (const byte of bytes) out += BASE62[byte % 62]!;
  return `${prefix}_${out}`;
}

/** Random upper-case hex, e.g. for S3 request ids and multipart upload ids. */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex').toUpperCase();
}
