/**
 * int64.ts, the only runtime code of the generated output besides zod: int64/uint64 values travel
 * as decimal strings (JSON numbers lose precision past 2^53), and stay strings after parsing. These
 * helpers convert them explicitly.
 */
export function emitInt64(): string {
  return `/** The wire form of int64/uint64 values: an optional minus sign, then decimal digits. */
export const INT64_PATTERN = /^-?\\d+$/;

const MIN = -(2n ** 63n);
const MAX = 2n ** 64n - 1n;

/** True when \`value\` is a decimal string in the int64/uint64 range. */
export function isInt64String(value: unknown): value is string {
  if (typeof value !== 'string' || !INT64_PATTERN.test(value)) return false;
  const n = BigInt(value);
  return n >= MIN && n <= MAX;
}

/**
 * Converts an int64/uint64 decimal string (as found in responses) into a bigint.
 * @throws TypeError when \`value\` is not a decimal integer string, RangeError when it is outside
 * the int64/uint64 range.
 */
export function toBigInt(value: string): bigint {
  if (typeof value !== 'string' || !INT64_PATTERN.test(value)) {
    const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
    throw new TypeError(\`Expected an int64 decimal string such as "42", got \${shown}\`);
  }
  const n = BigInt(value);
  if (n < MIN || n > MAX) {
    throw new RangeError(\`\${value.slice(0, 40)} is outside the int64/uint64 range\`);
  }
  return n;
}

/** The wire form of a bigint, for request bodies that carry int64 strings. */
export function fromBigInt(value: bigint): string {
  return value.toString();
}
`;
}
