/**
 * How long the server asked the client to wait, in ms: `retry-after-ms` (used by OpenAI-style
 * APIs, more precise) first, then `Retry-After` as delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable. A date in the past means "now" (0).
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms')?.trim();
  if (ms && Number(ms) >= 0 && Number(ms) < Infinity) return Number(ms);
  const header = headers.get('retry-after')?.trim();
  if (!header) return undefined;
  if (/^\d+(\.\d+)?$/.test(header)) return Number(header) * 1000;
  // Every HTTP-date format starts with a day name; this keeps Date.parse from reading `-1` as a year.
  const date = /^[a-z]{3}/i.test(header) ? Date.parse(header) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
