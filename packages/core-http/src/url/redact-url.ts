/** What replaces a secret in logs, messages and JSON. */
export const REDACTED = 'REDACTED';

/**
 * Query parameters that are shown in logs and error messages; every other value is `REDACTED`.
 * An allowlist, not a denylist: a presigned URL's `X-Amz-Signature` (or any credential a future
 * storage puts in a query) is hidden without anybody having to think of it.
 */
export const DEFAULT_QUERY_ALLOWLIST: readonly string[] = ['projectId', 'limit', 'cursor'];

/**
 * A URL safe to log: user info removed, the value of every query parameter not on `allowlist`
 * (compared case-insensitively) replaced with `REDACTED`, a fragment replaced with `REDACTED`.
 * Parameter names and order are kept, so the log still says which parameters were sent.
 *
 * @param allowlist query parameter names whose values may be shown. @default DEFAULT_QUERY_ALLOWLIST
 */
export function redactUrl(
  url: string | URL,
  allowlist: Iterable<string> = DEFAULT_QUERY_ALLOWLIST,
): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return REDACTED;
  }
  const { protocol, search, hash } = parsed;
  // Only http(s) URLs have a structure worth keeping; a data: or blob: URL is all payload.
  if (protocol !== 'http:' && protocol !== 'https:') return protocol + REDACTED;
  const allowed = Array.from(allowlist, lowerCase);
  const shown = (key: string) => allowed.includes(lowerCase(decode(key)));
  let out = parsed.origin + parsed.pathname;
  if (search.length > 1) {
    out += `?${search
      .slice(1)
      .split('&')
      .map((pair) => {
        const key = pair.split('=')[0]!;
        // A bare item (`?token`) may be the secret itself; an empty value hides nothing.
        if (shown(key) || pair.endsWith('=')) return pair;
        return pair.includes('=') ? `${key}=${REDACTED}` : REDACTED;
      })
      .join('&')}`;
  }
  return hash.length > 1 ? `${out}#${REDACTED}` : out;
}

function lowerCase(text: string): string {
  return text.toLowerCase();
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
