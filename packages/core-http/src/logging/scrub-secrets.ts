import { REDACTED } from '../url/redact-url.js';

/** Shorter values are not scrubbed: they would blank out ordinary words, and are no secrets. */
const MIN_LENGTH = 6;

/**
 * The secrets a request carried: the value of every header not on the allowlist (auth, API keys
 * in default headers, a vendor's signature), and for `Basic` / `Bearer` credentials the parts a
 * server may echo: the token, the base64 (padded or not), the decoded `user:password` and each half.
 */
export function secretsOf(headers: Headers, allowed: readonly string[]): string[] {
  const secrets = new Set<string>();
  const add = (value: string | undefined) => {
    if (value && value.length >= MIN_LENGTH) secrets.add(value);
  };
  headers.forEach((value, name) => {
    if (allowed.includes(name)) return;
    add(value);
    const [, scheme, token] = /^(basic|bearer)\s+(\S+)$/i.exec(value) ?? [];
    add(token);
    if (scheme?.toLowerCase() !== 'basic' || !token) return;
    add(token.replace(/=+$/, ''));
    const decoded = decodeBase64(token);
    add(decoded);
    const colon = decoded?.indexOf(':') ?? -1;
    if (colon > 0) {
      add(decoded!.slice(0, colon));
      add(decoded!.slice(colon + 1));
    }
  });
  // Longest first, so that a secret containing another is replaced whole.
  return [...secrets].sort((a, b) => b.length - a.length);
}

/** `text` with every one of `secrets` replaced by `REDACTED`. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

function decodeBase64(text: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(atob(text), (char) => char.charCodeAt(0)),
    );
  } catch {
    return undefined;
  }
}
