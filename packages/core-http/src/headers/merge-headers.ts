import type { ValidationIssue } from '../errors/validation-issue.js';
import { headerProblem } from './validate-header.js';

/**
 * Headers as callers give them. In a record, `undefined` leaves a header as it was and `null`
 * removes it (so a call can drop a client default).
 */
export type HeadersInput =
  | Headers
  | readonly (readonly [string, string])[]
  | Readonly<Record<string, string | null | undefined>>;

/**
 * Applies `input` on top of `target`, validating every name and value first: nothing is applied
 * if anything is invalid, and every bad header is added to `issues` by name (never by value), for
 * the caller to raise as one error.
 */
export function mergeHeaders(
  target: Headers,
  input: HeadersInput | undefined,
  issues: ValidationIssue[],
): Headers {
  if (!input) return target;
  const entries: [string, string | null | undefined][] =
    input instanceof Headers || Array.isArray(input)
      ? [...(input as Iterable<[string, string]>)]
      : Object.entries(input);
  const before = issues.length;
  for (const [name, value] of entries) {
    const problem = value === undefined ? undefined : headerProblem(name, value ?? '');
    if (problem) issues.push({ message: problem, path: ['headers', name] });
  }
  if (issues.length > before) return target;
  for (const [name, value] of entries) {
    if (value === null) target.delete(name);
    else if (value !== undefined) target.set(name, value);
  }
  return target;
}
