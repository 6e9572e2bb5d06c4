import { RequestValidationError } from '../errors/request-validation-error.js';
import type { ValidationIssue } from '../errors/validation-issue.js';

/**
 * Writes query parameters, in the given order, RFC 3986-encoded (a space is `%20`, never `+`):
 * - `undefined` and `null` are skipped (an absent optional parameter);
 * - arrays repeat the key (`?id=a&id=b`), skipping undefined/null items;
 * - booleans as `true`/`false`, numbers and bigints in decimal, Dates as ISO 8601 (UTC).
 * Non-finite numbers, invalid Dates and objects are refused with a {@link RequestValidationError}:
 * there is no single convention for them, and guessing sends the wrong request.
 *
 * @returns the query string without `?`; empty when nothing is left.
 */
export function serializeQuery(query: Readonly<Record<string, unknown>> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  const issues: ValidationIssue[] = [];
  for (const [key, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? (value as unknown[]) : [value];
    for (const item of values) {
      if (item === undefined || item === null) continue;
      const text = queryValue(item);
      if (text === undefined) {
        issues.push({ message: describeUnsupported(item), path: ['query', key] });
        continue;
      }
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
    }
  }
  if (issues.length > 0) throw new RequestValidationError(issues);
  return parts.join('&');
}

function queryValue(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : undefined;
    default:
      if (value instanceof Date) {
        return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
      }
      return undefined;
  }
}

function describeUnsupported(value: unknown): string {
  if (typeof value === 'number') return `must be a finite number (got ${value})`;
  if (value instanceof Date) return 'is an invalid Date';
  return `cannot be written in a query string (got ${Array.isArray(value) ? 'a nested array' : typeof value})`;
}
