import type { ValidationIssue } from '../errors/validation-issue.js';

/**
 * Writes query parameters, in the given order, RFC 3986-encoded (a space is `%20`, never `+`):
 * - `undefined` and `null` are skipped (an absent optional parameter);
 * - arrays repeat the key (`?id=a&id=b`), skipping undefined/null items;
 * - booleans as `true`/`false`, numbers and bigints in decimal, Dates as ISO 8601 (UTC).
 * Non-finite numbers, invalid Dates and objects are refused (added to `issues`, for the caller to
 * raise with the rest): there is no single convention for them, and guessing sends the wrong request.
 *
 * @returns the query string without `?`; empty when nothing is left.
 */
export function serializeQuery(
  query: Readonly<Record<string, unknown>> | undefined,
  issues: ValidationIssue[],
): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (item == null) continue;
      const type = typeof item;
      const text =
        type === 'string' || type === 'boolean' || type === 'bigint' || Number.isFinite(item)
          ? String(item)
          : item instanceof Date && !Number.isNaN(item.getTime())
            ? item.toISOString()
            : undefined;
      if (text === undefined) {
        // A nested array, an object, an invalid Date, NaN or ±Infinity: there is no one way to write it.
        const got =
          type === 'number'
            ? item
            : item instanceof Date
              ? 'an invalid Date'
              : Array.isArray(item)
                ? 'an array'
                : type;
        issues.push({
          message: `cannot be a query value (got ${String(got)})`,
          path: ['query', key],
        });
      } else {
        parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
      }
    }
  }
  return parts.join('&');
}
