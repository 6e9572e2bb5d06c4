import { ConfigurationError } from '../errors/configuration-error.js';
import { headerProblem } from '../headers/validate-header.js';
import type { Auth } from './auth.js';
import { AuthorizationHeader } from './authorization-header.js';

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
  return new AuthorizationHeader('Bearer', token.trim());
}
