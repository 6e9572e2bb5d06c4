import { describe, expect, it } from 'vitest';
import { scrubSecrets, secretsOf } from './scrub-secrets.js';

const ALLOWED = ['accept', 'content-type', 'user-agent'];
const KEY = 'sk_key_0123';
const SECRET = 'sk_secret_4567';
const BASIC = btoa(`${KEY}:${SECRET}`);

describe('secretsOf / scrubSecrets', () => {
  it('finds every part of Basic credentials a server may echo', () => {
    const secrets = secretsOf(new Headers({ authorization: `Basic ${BASIC}` }), ALLOWED);
    for (const echo of [
      `bad header Basic ${BASIC}`,
      `token ${BASIC}`,
      `token ${BASIC.replace(/=+$/, '')}`,
      `user ${KEY}:${SECRET}`,
      `key ${KEY}`,
      `secret ${SECRET}`,
    ]) {
      const scrubbed = scrubSecrets(echo, secrets);
      expect(scrubbed, echo).toContain('REDACTED');
      expect(scrubbed).not.toContain(KEY);
      expect(scrubbed).not.toContain(SECRET);
      expect(scrubbed).not.toContain(BASIC.slice(0, 20));
    }
  });

  it('finds Bearer tokens and values of headers off the allowlist, not allowed ones', () => {
    const headers = new Headers({
      authorization: 'Bearer tok_abcdef',
      'x-api-key': 'key_123456',
      'content-type': 'application/json',
      'x-short': 'abc',
    });
    const secrets = secretsOf(headers, ALLOWED);
    expect(scrubSecrets('tok_abcdef key_123456 application/json abc', secrets)).toBe(
      'REDACTED REDACTED application/json abc',
    );
  });

  it('leaves text without secrets as it is', () => {
    expect(scrubSecrets('all fine', secretsOf(new Headers(), ALLOWED))).toBe('all fine');
  });
});
