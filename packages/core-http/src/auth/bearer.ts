import { ConfigurationError } from '../errors/configuration-error.js';
import { headerProblem } from '../headers/validate-header.js';
import { REDACTED } from '../url/redact-url.js';
import type { Auth } from './auth.js';
import { Secret } from './secret.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

class BearerAuth implements Auth {
  readonly #authorization: Secret;

  constructor(token: string) {
    this.#authorization = new Secret(`Bearer ${token}`);
  }

  apply(headers: Headers): void {
    headers.set('authorization', this.#authorization.reveal());
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
  if (typeof token !== 'string' || token.trim() === '') {
    throw new ConfigurationError('Bearer token must be a non-blank string', { option: 'token' });
  }
  if (headerProblem('authorization', token)) {
    throw new ConfigurationError('Bearer token contains characters not allowed in a header', {
      option: 'token',
    });
  }
  return new BearerAuth(token.trim());
}
