import { ConfigurationError } from '../errors/configuration-error.js';
import type { Auth } from './auth.js';
import { AuthorizationHeader } from './authorization-header.js';
import { base64Utf8 } from './base64.js';

/**
 * HTTP Basic authentication (RFC 7617): `Authorization: Basic base64(username:password)`. Scenario
 * uses it with the API key as username and the API secret as password.
 *
 * @throws ConfigurationError when either part is blank, the username contains `:` (the format
 *   cannot carry it) or either contains a control character. Messages never include the values.
 */
export function basicAuth(username: string, password: string): Auth {
  checkPart(username, 'username');
  checkPart(password, 'password');
  if (username.includes(':')) {
    throw new ConfigurationError('Basic auth username must not contain ":"', {
      option: 'username',
    });
  }
  return new AuthorizationHeader('Basic', base64Utf8(`${username}:${password}`));
}

function checkPart(value: string, name: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigurationError(`Basic auth ${name} must be a non-blank string`, { option: name });
  }
  // base64 makes any other character header-safe; control characters are a pasting mistake.
  if (hasControlCharacter(value)) {
    throw new ConfigurationError(`Basic auth ${name} contains a control character`, {
      option: name,
    });
  }
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
