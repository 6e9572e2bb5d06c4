import { INSPECT } from '../inspect-symbol.js';
import { REDACTED } from '../url/redact-url.js';
import type { Auth } from './auth.js';

/**
 * An {@link Auth} that sets one `Authorization` value, built once, and never shows it: the value
 * lives in a private field, out of reach of `JSON.stringify`, `util.inspect` and `Object.keys`;
 * printing shows `BasicAuth(REDACTED)` / `BearerAuth(REDACTED)`.
 */
export class AuthorizationHeader implements Auth {
  readonly #authorization: string;
  readonly #scheme: 'Basic' | 'Bearer';

  constructor(scheme: 'Basic' | 'Bearer', credentials: string) {
    this.#scheme = scheme;
    this.#authorization = `${scheme} ${credentials}`;
  }

  apply(headers: Headers): void {
    headers.set('authorization', this.#authorization);
  }

  toJSON(): Record<string, string> {
    return { type: this.#scheme.toLowerCase(), credentials: REDACTED };
  }

  toString(): string {
    return `${this.#scheme}Auth(${REDACTED})`;
  }

  [INSPECT](): string {
    return this.toString();
  }
}
