import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/configuration-error.js';
import { basicAuth } from './basic.js';
import { bearerAuth } from './bearer.js';
import { Secret } from './secret.js';

const SECRET = 'sk_live_Sup3rS3cret';

async function authorization(auth: ReturnType<typeof basicAuth>): Promise<string | null> {
  const headers = new Headers();
  await auth.apply(headers, { method: 'GET', url: 'https://x.test' });
  return headers.get('authorization');
}

describe('auth strategies', () => {
  it('basic: base64 of key:secret, UTF-8 safe, without Buffer in the implementation', async () => {
    expect(await authorization(basicAuth('key', SECRET))).toBe(
      `Basic ${Buffer.from(`key:${SECRET}`).toString('base64')}`,
    );
    expect(await authorization(basicAuth('clé', 'sécret€'))).toBe(
      `Basic ${Buffer.from('clé:sécret€', 'utf8').toString('base64')}`,
    );
  });

  it('bearer: the token as given', async () => {
    expect(await authorization(bearerAuth(SECRET))).toBe(`Bearer ${SECRET}`);
  });

  it('never shows the secret when printed or serialised', () => {
    for (const auth of [basicAuth('key', SECRET), bearerAuth(SECRET), new Secret(SECRET)]) {
      const shown = [
        JSON.stringify(auth),
        JSON.stringify({ nested: { auth } }),
        String(auth),
        `${auth as object}`,
        inspect(auth),
        inspect({ auth }, { depth: 5, showHidden: true }),
        Object.keys(auth).join(','),
      ];
      for (const text of shown) {
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain(Buffer.from(`key:${SECRET}`).toString('base64'));
      }
    }
  });

  it('refuses blank or unusable credentials without echoing them', () => {
    expect(() => basicAuth('', 'x')).toThrow(ConfigurationError);
    expect(() => basicAuth('k', '  ')).toThrow(ConfigurationError);
    expect(() => basicAuth('a:b', 'x')).toThrow(/must not contain ":"/);
    expect(() => bearerAuth('')).toThrow(ConfigurationError);
    try {
      bearerAuth(`${SECRET}\r\nx-injected: 1`);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(String(error)).not.toContain(SECRET);
    }
  });
});
