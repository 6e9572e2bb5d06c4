import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, resolveSettings } from './resolve-settings.js';

const client = resolveSettings(
  { baseURL: 'https://api.example.com/v1', timeout: 1000, fetchOptions: { cache: 'no-store' } },
  DEFAULT_SETTINGS,
  false,
);

describe('resolveSettings', () => {
  it('is the client’s settings themselves for a call that overrides nothing', () => {
    expect(resolveSettings({}, client, false)).toBe(client);
    expect(resolveSettings({ timeout: undefined }, client, false)).toBe(client);
  });

  it('applies a call’s options over the client’s, checked the same way', () => {
    const call = resolveSettings(
      { baseURL: 'https://other.example.com', maxRetries: 0, fetchOptions: { keepalive: true } },
      client,
      false,
    );
    expect(call).toMatchObject({ timeout: 1000, maxRetries: 0, validation: 'strict' });
    expect(call.baseURL.host).toBe('other.example.com');
    expect(call.fetchOptions).toEqual({ cache: 'no-store', keepalive: true });
    expect(() => resolveSettings({ timeout: -5 }, client, false)).toThrow(/timeout/);
    expect(() => resolveSettings({ baseURL: 'http://x.example.com' }, client, false)).toThrow(
      /baseURL must use https/,
    );
    expect(
      resolveSettings({ baseURL: 'http://x.example.com' }, client, true).baseURL.protocol,
    ).toBe('http:');
  });

  it('never lets fetchOptions carry what core-http sets itself', () => {
    for (const field of ['method', 'headers', 'body', 'signal', 'redirect', 'duplex', 'window']) {
      expect(() =>
        resolveSettings({ fetchOptions: { [field]: undefined } as never }, client, false),
      ).toThrow(`fetchOptions.${field} cannot be set`);
    }
  });
});
