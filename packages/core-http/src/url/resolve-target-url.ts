import { ConfigurationError } from '../errors/configuration-error.js';
import { RequestValidationError } from '../errors/request-validation-error.js';
import { buildUrl } from './build-url.js';
import { parseBaseUrl } from './parse-base-url.js';

/**
 * The URL `send()` targets: a path is appended to the base URL as is; an absolute URL (a presigned
 * one) is used as given, with the query appended, provided it carries no credentials and is not
 * plain http to a remote host.
 */
export function resolveTargetUrl(
  target: string | URL,
  base: URL,
  query: string,
  allowInsecureHttp: boolean,
): string {
  const text = String(target);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) return buildUrl(base, text, query);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RequestValidationError([{ message: 'is not a valid URL', path: ['url'] }]);
  }
  if (url.username || url.password) {
    throw new RequestValidationError([
      { message: 'must not contain credentials (user:pass@)', path: ['url'] },
    ]);
  }
  // The same rule as the base URL: a presigned URL's signature must not cross the network in clear.
  try {
    parseBaseUrl(url.origin, allowInsecureHttp);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      throw new RequestValidationError([
        { message: error.message.replace('Invalid baseUrl: ', ''), path: ['url'] },
      ]);
    }
    throw error;
  }
  if (query) url.search = url.search ? `${url.search.slice(1)}&${query}` : query;
  return url.href;
}
