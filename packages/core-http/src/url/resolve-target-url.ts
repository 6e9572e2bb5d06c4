import { invalidRequest } from '../errors/request-validation-error.js';
import { buildUrl } from './build-url.js';
import { urlProblem } from './parse-base-url.js';

/**
 * The URL `send()` targets: a path is appended to the base URL as is; an absolute URL (a presigned
 * one) is used as given, with the query appended, provided it carries no credentials and is not
 * plain http to a remote host (the same rules as the base URL).
 */
export function resolveTargetUrl(
  target: string | URL,
  base: URL,
  query: string,
  allowInsecureHttp: boolean | undefined,
): string {
  const text = String(target);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) return buildUrl(base, text, query);
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    // Reported below.
  }
  const problem = url ? urlProblem(url, allowInsecureHttp) : 'must be an http(s) URL';
  if (problem) throw invalidRequest('url', undefined, problem);
  if (query) url!.search = url!.search ? `${url!.search.slice(1)}&${query}` : query;
  return url!.href;
}
