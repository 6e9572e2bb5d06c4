import type { ValidationIssue } from '../errors/validation-issue.js';
import { buildUrl } from './build-url.js';
import { urlProblem } from './parse-base-url.js';

/**
 * The URL `send()` targets, parsed (so dot segments are resolved): a path is appended to the base
 * URL as is; an absolute URL (a presigned one) is used as given, with the query appended, provided
 * it carries no credentials and is not plain http to a remote host (the same rules as the base
 * URL). An unusable one is added to `issues` and gives undefined.
 */
export function resolveTargetUrl(
  target: string | URL,
  base: URL,
  query: string,
  allowInsecureHttp: boolean,
  issues: ValidationIssue[],
): URL | undefined {
  const text = String(target);
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(text);
  let url: URL | undefined;
  try {
    url = new URL(absolute ? text : buildUrl(base, text, query));
  } catch {
    // Reported below.
  }
  const problem = url ? urlProblem(url, allowInsecureHttp) : 'must be an http(s) URL';
  if (problem) {
    issues.push({ message: problem, path: ['url'] });
    return undefined;
  }
  if (absolute && query) url!.search = url!.search ? `${url!.search.slice(1)}&${query}` : query;
  return url;
}
