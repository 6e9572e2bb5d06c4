import { RequestValidationError } from '../errors/request-validation-error.js';
import type { ValidationIssue } from '../errors/validation-issue.js';

/** A value accepted for a `{name}` placeholder. */
export type PathParamValue = string | number | bigint;

/**
 * `value` encoded as one path segment, or why it cannot be one (as `{ problem }`): `/`, `?`, `#`,
 * `%`, spaces and non-ASCII are all encoded (encodeURIComponent); values the URL parser would
 * treat specially (empty, and `.`, `..` or their percent-encoded forms `%2e`, `.%2E`…, which WHATWG
 * URL resolves away as dot segments whatever the encoding) or that cannot be encoded (lone
 * surrogates) are refused.
 */
function encodeParam(value: unknown): string | { problem: string } {
  // Unreserved characters only, not starting with a dot: nothing to encode, nothing to refuse, so
  // the common case (`upload_01HX…`) costs one regex test.
  if (typeof value === 'string' && /^[\w~-][\w.~-]*$/.test(value)) return value;
  const type = typeof value;
  if (type === 'number' ? !Number.isFinite(value) : type !== 'string' && type !== 'bigint') {
    const got = type === 'number' || value === null ? value : type;
    return { problem: `must be a string or a finite number (got ${got})` };
  }
  const text = String(value);
  if (!text) return { problem: 'must not be empty' };
  if (/^(\.|%2e){1,2}$/i.test(text)) return { problem: 'must not be "." or ".."' };
  try {
    return encodeURIComponent(text);
  } catch {
    // URIError: a lone surrogate (String.prototype.isWellFormed is ES2024).
    return { problem: 'is not valid Unicode' };
  }
}

/**
 * Percent-encodes one path parameter so that it can never change the path's structure (see
 * {@link buildPath}); an unusable value is a {@link RequestValidationError}, before anything is sent.
 */
export function encodePathParam(name: string, value: unknown): string {
  const encoded = encodeParam(value);
  if (typeof encoded !== 'string') {
    throw new RequestValidationError([{ message: encoded.problem, path: ['path', name] }]);
  }
  return encoded;
}

// Templates split once: `['/v1/workspaces/', 'workspaceId', '/uploads/', 'id', '']` (names at odd
// indexes). A template.replace per call costs more than the rest of building the URL.
const templates = new Map<string, string[]>();

/**
 * Fills a path template (`/v1/workspaces/{workspaceId}/uploads/{id}`) with encoded parameters.
 * Every placeholder must have a usable value; each problem is added to `issues`, for the caller to
 * raise with the rest.
 */
export function buildPath(
  template: string,
  params: Readonly<Record<string, unknown>> = {},
  issues: ValidationIssue[],
): string {
  let parts = templates.get(template);
  if (!parts) templates.set(template, (parts = template.split(/\{([^{}]+)\}/)));
  let path = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    const encoded =
      value === undefined ? { problem: 'missing path parameter' } : encodeParam(value);
    if (typeof encoded === 'string') path += encoded;
    else issues.push({ message: encoded.problem, path: ['path', name] });
    path += parts[i + 1];
  }
  return path;
}
