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
  // Only http(s) URLs have a structure worth keeping; a data: or blob: URL is all payload.
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `${parsed.protocol}${REDACTED}`;
  }
  const allowed = allowlistSet(allowlist);
  let out = `${parsed.origin}${parsed.pathname}`;
  if (parsed.search.length > 1) {
    const pairs = parsed.search.slice(1).split('&');
    out += `?${pairs.map((pair) => redactPair(pair, allowed)).join('&')}`;
  }
  if (parsed.hash.length > 1) out += `#${REDACTED}`;
  return out;
}

/** Lower-cased copy of an allowlist, built once per client. */
export function allowlistSet(allowlist: Iterable<string>): ReadonlySet<string> {
  if (allowlist instanceof Set && isLowerCased(allowlist)) return allowlist as ReadonlySet<string>;
  return new Set(Array.from(allowlist, (name) => name.toLowerCase()));
}

function redactPair(pair: string, allowed: ReadonlySet<string>): string {
  const eq = pair.indexOf('=');
  // A bare item (`?token`) may be the secret itself.
  if (eq === -1) return allowed.has(safeDecode(pair).toLowerCase()) ? pair : REDACTED;
  if (pair.length === eq + 1) return pair;
  const rawKey = pair.slice(0, eq);
  return allowed.has(safeDecode(rawKey).toLowerCase()) ? pair : `${rawKey}=${REDACTED}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function isLowerCased(set: Set<string>): boolean {
  for (const name of set) if (name !== name.toLowerCase()) return false;
  return true;
}
