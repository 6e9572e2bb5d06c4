import type { ValidationIssue } from '../errors/validation-issue.js';

/**
 * `JSON.stringify`; a cycle or a bigint is added to `issues` (for the caller to raise with the
 * rest) and gives null.
 */
export function serializeJson(value: unknown, issues: ValidationIssue[]): string | null {
  try {
    return JSON.stringify(value);
  } catch (error) {
    issues.push({ message: `cannot be serialised as JSON: ${String(error)}`, path: ['body'] });
    return null;
  }
}
