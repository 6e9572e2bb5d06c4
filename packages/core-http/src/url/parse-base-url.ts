import { ConfigurationError } from '../errors/configuration-error.js';
import { isLoopbackHost } from './is-loopback.js';

/**
 * Checks a client's base URL: absolute `https:` (or `http:` on a loopback host, or anywhere with
 * `allowInsecureHttp`), with no credentials, query or fragment. Credentials in a URL end up in logs
 * and proxies; a query or fragment would be silently dropped or mangled when paths are appended.
 * Messages never echo the URL, since it might hold a password.
 */
export function parseBaseUrl(input: string, allowInsecureHttp = false): URL {
  const fail = (problem: string): never => {
    throw new ConfigurationError(`Invalid baseUrl: ${problem}`, { option: 'baseUrl' });
  };
  if (typeof input !== 'string' || input.trim() === '') return fail('it is empty');
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return fail('it is not an absolute URL (expected e.g. https://api.example.com/v1)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail(`only http(s) is supported (got ${url.protocol})`);
  }
  if (url.username || url.password) return fail('it must not contain credentials (user:pass@)');
  if (url.search || url.hash || input.includes('?') || input.includes('#')) {
    return fail('it must not contain a query (?) or a fragment (#)');
  }
  if (url.protocol === 'http:' && !allowInsecureHttp && !isLoopbackHost(url.hostname)) {
    return fail(
      `plain http is only allowed for loopback hosts (got ${url.host}); use https, or pass allowInsecureHttp: true`,
    );
  }
  return url;
}
