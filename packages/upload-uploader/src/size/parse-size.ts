import { ConfigurationError } from '@upkit/core-http';

/** A size in bytes, or a string such as `'16MiB'`, `'5 MB'` or `'1024'`. */
export type SizeInput = number | string;

const UNITS: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

const PATTERN = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i;

/**
 * Reads a size option: a whole number of bytes, or a number with a unit, decimal (`kB`, `MB`, `GB`,
 * `TB`: powers of 1000) or binary (`KiB`, `MiB`, `GiB`, `TiB`: powers of 1024), case-insensitive.
 * The result must be a whole, safe number of bytes (`'1.5MiB'` is fine, `'1.5B'` is not).
 *
 * @throws ConfigurationError naming `option` for anything else.
 */
export function parseSize(value: SizeInput, option: string): number {
  let bytes: number | undefined;
  if (typeof value === 'number') bytes = value;
  else if (typeof value === 'string') {
    const match = PATTERN.exec(value);
    const unit = match && UNITS[(match[2] || 'b').toLowerCase()];
    if (match && unit) bytes = Number(match[1]) * unit;
  }
  if (bytes === undefined || !Number.isSafeInteger(bytes) || bytes < 0) {
    throw new ConfigurationError(
      `${option} must be a whole number of bytes or a size such as '16MiB', got ${describe(value)}`,
      { option },
    );
  }
  return bytes;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** `16777216` → `'16 MiB'`: the largest binary unit that keeps at most one decimal. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 || Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${text} ${units[unit]}`;
}
