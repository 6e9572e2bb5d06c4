/** The result of reading an int64 (or uint64) field's JSON value as protojson does. */
export type Int64Reading =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly why: 'not an integer' | 'out of range' };

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** A JSON number, as text: what protojson also accepts inside a string for an integer field. */
const JSON_NUMBER = /^(-?)(0|[1-9]\d*)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** More decimal digits than any 64-bit integer has: the exponent alone puts the value out of range. */
const MAX_DIGITS = 21;

function inRange(value: bigint, unsigned: boolean): Int64Reading {
  const ok = unsigned
    ? value >= 0n && value <= UINT64_MAX
    : value >= INT64_MIN && value <= INT64_MAX;
  return ok ? { ok: true, text: value.toString() } : { ok: false, why: 'out of range' };
}

/**
 * Reads a JSON number (already parsed, so digits beyond 2^53 are those of the nearest double) as
 * an int64: an integral value in range, in canonical decimal form.
 */
export function int64FromNumber(value: number, unsigned: boolean): Int64Reading {
  if (!Number.isInteger(value)) return { ok: false, why: 'not an integer' };
  return inRange(BigInt(value), unsigned);
}

/**
 * Reads a string as protojson reads it for an int64 field: any JSON number (`"18734"`, `"1e3"`,
 * `"12.0"`) whose value is an integer in range, exactly (strings carry every digit); no
 * surrounding space, no `+`, no leading zeros.
 * @returns undefined when the string is no JSON number at all
 */
export function int64FromString(value: string, unsigned: boolean): Int64Reading | undefined {
  const match = JSON_NUMBER.exec(value);
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  const digits = (whole + fraction).replace(/^0+/, '');
  if (digits === '') return { ok: true, text: '0' };
  const shift = Number(exponent) - fraction.length;
  let magnitude: string;
  if (shift >= 0) {
    if (digits.length + shift > MAX_DIGITS) return { ok: false, why: 'out of range' };
    magnitude = digits + '0'.repeat(shift);
  } else {
    const cut = digits.length + shift;
    if (cut < 0 || !/^0*$/.test(digits.slice(cut))) return { ok: false, why: 'not an integer' };
    magnitude = digits.slice(0, cut) || '0';
  }
  return inRange(BigInt(sign + magnitude), unsigned);
}
