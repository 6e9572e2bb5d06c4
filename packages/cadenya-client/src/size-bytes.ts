import { InvalidSizeBytesError } from './errors/invalid-size-bytes-error.js';

/** A byte count as callers have it: a `File.size` number, a bigint, or the wire's decimal string. */
export type SizeBytesInput = number | bigint | string;

/**
 * The wire form of an int64 byte count (a decimal string). Refuses what is not a non-negative
 * integer, and numbers past 2^53 − 1, which may already be off by a few bytes: the presigned URL
 * signs the length, so a wrong one would only fail later, at the PUT.
 */
export function toSizeBytes(value: SizeBytesInput): string {
  const text =
    typeof value === 'number'
      ? Number.isSafeInteger(value) && String(value)
      : typeof value === 'bigint'
        ? String(value)
        : value;
  if (typeof text !== 'string' || !/^\d+$/.test(text)) {
    throw new InvalidSizeBytesError(
      'expected a non-negative integer: a number up to Number.MAX_SAFE_INTEGER, a bigint or a ' +
        'decimal string',
    );
  }
  return text;
}
