import { REDACTED } from '../url/redact-url.js';

/**
 * Headers shown in logs; every other value is `REDACTED`. An allowlist, so that a credential in a
 * header nobody thought of (`x-api-key`, `cookie`, a vendor's signature) still never reaches a log.
 */
export const DEFAULT_HEADER_ALLOWLIST: readonly string[] = [
  'accept',
  'content-type',
  'content-length',
  'content-encoding',
  'date',
  'etag',
  'idempotency-key',
  'request-id',
  'retry-after',
  'retry-after-ms',
  'user-agent',
  'x-amz-request-id',
  'x-amzn-requestid',
  'x-request-id',
  'x-should-retry',
  'x-upkit-user-agent',
];

/** A plain object of the headers, with values not on `allowed` (lower-case names) redacted. */
export function redactHeaders(
  headers: Headers,
  allowed: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = allowed.includes(name) ? value : REDACTED;
  });
  return out;
}
