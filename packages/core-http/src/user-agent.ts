import { ConfigurationError } from './errors/configuration-error.js';
import { VERSION } from './version.js';

/** Which header carries the User-Agent string. */
export type UserAgentHeader = 'user-agent' | 'x-upkit-user-agent' | 'both' | 'none';

/** `@upkit/core-http/<VERSION>`. */
export const CORE_PRODUCT = `@upkit/core-http/${VERSION}`;

/**
 * The User-Agent value: the client's product token first (most specific), then core-http's:
 * `@upkit/cadenya-client/0.1.0 @upkit/core-http/0.1.0`. Tokens are RFC 9110 §10.1.5 product
 * tokens, `name/version`, whose names may carry a scope (`@upkit/x`).
 */
export function userAgentString(product?: string): string {
  if (product === undefined) return CORE_PRODUCT;
  const tokens = product.trim().split(/ +/);
  if (!tokens.every((token) => /^[!#$%&'*+.^`|~\w@/-]+$/.test(token))) {
    throw new ConfigurationError('userAgent must be product tokens (name/version)', {
      option: 'userAgent',
    });
  }
  return `${tokens.join(' ')} ${CORE_PRODUCT}`;
}

/**
 * Browsers refuse (Chrome silently drops) a script-set `User-Agent`, so there the string goes in
 * `x-upkit-user-agent` instead. Every browser, and browser worker, identifies as `Mozilla/…`; Node,
 * Deno, Bun and Cloudflare Workers do not.
 */
export function defaultUserAgentHeader(): UserAgentHeader {
  const agent = (globalThis as { navigator?: { userAgent?: unknown } }).navigator?.userAgent;
  return String(agent).startsWith('Mozilla/') ? 'x-upkit-user-agent' : 'user-agent';
}
