import { ConfigurationError } from '../errors/configuration-error.js';
import { headerProblem } from '../headers/validate-header.js';
import { INSPECT } from '../inspect-symbol.js';
import { REDACTED } from '../url/redact-url.js';
import type { Auth } from './auth.js';

class BearerAuth implements Auth {
  // A private field: out of reach of JSON.stringify, util.inspect and Object.keys.
  readonly #authorization: string;

  constructor(token: string) {
    this.#authorization = `Bearer ${token}`;
  }

  apply(headers: Headers): void {
    headers.set('authorization', this.#authorization);
  }

  toJSON(): Record<string, string> {
    return { type: 'bearer', token: REDACTED };
  }

  toString(): string {
    return `BearerAuth(${REDACTED})`;
  }

  [INSPECT](): string {
    return this.toString();
  }
}

/**
 * Bearer token authentication (RFC 6750): `Authorization: Bearer <token>`. Cadenya uses it with the
 * API key; Scenario accepts it too.
 *
 * @throws ConfigurationError when the token is blank or cannot be a header value (CR/LF…). The
 *   message never includes the token.
 */
export function bearerAuth(token: string): Auth {
  if (typeof token !== 'string' || !token.trim() || headerProblem('authorization', token)) {
    throw new ConfigurationError('Bearer token must be a non-blank header value', {
      option: 'token',
    });
  }
  return new BearerAuth(token.trim());
}
