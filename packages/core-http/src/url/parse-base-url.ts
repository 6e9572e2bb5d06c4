import { ConfigurationError } from '../errors/configuration-error.js';

/**
 * Why `url` can be neither a base URL nor a request target (`must …`), or undefined when it can:
 * only http(s), no credentials (they end up in logs and proxies), and plain `http:` only to
 * loopback hosts (`localhost`, `*.localhost`, 127.0.0.0/8, `::1`) unless `allowInsecureHttp`, so
 * that neither a key nor a presigned URL's signature crosses the network in clear. Never echoes
 * anything that might be a secret.
 */
export function urlProblem(url: URL, allowInsecureHttp: boolean | undefined): string | undefined {
  const { protocol } = url;
  if (protocol !== 'https:' && protocol !== 'http:') return 'must be an http(s) URL';
  if (url.username || url.password) return 'must not contain credentials (user:pass@)';
  if (
    protocol === 'http:' &&
    !allowInsecureHttp &&
    !/^((.*\.)?localhost|\[::1\]|127(\.\d+){3})$/.test(url.hostname)
  ) {
    return 'must use https (http is for loopback hosts, or with allowInsecureHttp)';
  }
  return undefined;
}

/**
 * Checks a client's base URL: absolute `https:` (or `http:` on a loopback host, or anywhere with
 * `allowInsecureHttp`), with no credentials, query or fragment. A query or fragment would be
 * silently dropped or mangled when paths are appended. Messages never echo the URL, since it might
 * hold a password.
 */
export function parseBaseUrl(input: string, allowInsecureHttp = false): URL {
  let url: URL | undefined;
  try {
    url = new URL(input.trim());
  } catch {
    // Not a string, blank or relative: reported below.
  }
  const problem = !url
    ? 'must be an absolute http(s) URL'
    : /[?#]/.test(input)
      ? 'must not have a query or fragment'
      : urlProblem(url, allowInsecureHttp);
  if (problem) throw new ConfigurationError(`baseURL ${problem}`, { option: 'baseURL' });
  return url!;
}
