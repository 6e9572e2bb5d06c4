import { RequestValidationError } from '../errors/request-validation-error.js';
import type { ValidationIssue } from '../errors/validation-issue.js';

/** A value accepted for a `{name}` placeholder. */
export type PathParamValue = string | number | bigint;

const PLACEHOLDER = /\{([^{}]+)\}/g;
// WHATWG URL treats `.`, `..` and their percent-encoded forms (`%2e`, `.%2E`, `%2E%2E`…) as dot
// segments and resolves them away, so no encoding can carry such a value inside a path segment.
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/**
 * Percent-encodes one path parameter so that it can never change the path's structure: `/`, `?`,
 * `#`, `%`, spaces and non-ASCII are all encoded (encodeURIComponent), and values that the URL
 * parser would treat specially (empty, `.`, `..`) or that cannot be encoded (lone surrogates) are
 * refused with a {@link RequestValidationError}, before anything is sent.
 */
export function encodePathParam(name: string, value: unknown): string {
  const problem = checkPathParam(value);
  if (problem) throw new RequestValidationError([{ message: problem, path: ['path', name] }]);
  return encodeURIComponent(String(value as PathParamValue));
}

function checkPathParam(value: unknown): string | undefined {
  if (typeof value === 'number' && !Number.isFinite(value)) return 'must be a finite number';
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') {
    return `must be a string or a number (got ${value === null ? 'null' : typeof value})`;
  }
  const text = String(value);
  if (text === '') return 'must not be empty';
  if (DOT_SEGMENT.test(text))
    return 'must not be "." or ".." (a URL would resolve it as a dot segment)';
  if (!isWellFormed(text)) return 'contains a lone surrogate (not valid Unicode)';
  return undefined;
}

/**
 * Fills a path template (`/v1/workspaces/{workspaceId}/uploads/{id}`) with encoded parameters.
 * Every placeholder must have a value; all the missing ones are reported in one error.
 */
export function buildPath(
  template: string,
  params: Readonly<Record<string, unknown>> = {},
  operationId?: string,
): string {
  const issues: ValidationIssue[] = [];
  const path = template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    if (value === undefined) {
      issues.push({ message: 'missing path parameter', path: ['path', name] });
      return '';
    }
    const problem = checkPathParam(value);
    if (problem) {
      issues.push({ message: problem, path: ['path', name] });
      return '';
    }
    return encodeURIComponent(String(value as PathParamValue));
  });
  if (issues.length > 0) {
    throw new RequestValidationError(issues, operationId === undefined ? {} : { operationId });
  }
  return path;
}

// String.prototype.isWellFormed is ES2024; encodeURIComponent throws URIError on the same input.
function isWellFormed(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}
