import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/configuration-error.js';
import { parseBaseUrl } from './parse-base-url.js';

describe('parseBaseUrl', () => {
  it('accepts https anywhere and http on loopback', () => {
    expect(parseBaseUrl('https://api.cloud.scenario.com/v1').href).toBe(
      'https://api.cloud.scenario.com/v1',
    );
    for (const url of [
      'http://127.0.0.1:8080',
      'http://127.1.2.3',
      'http://localhost:3000/v1',
      'http://[::1]:9000',
    ]) {
      expect(() => parseBaseUrl(url)).not.toThrow();
    }
  });

  it('refuses plain http elsewhere unless allowed', () => {
    expect(() => parseBaseUrl('http://api.example.com')).toThrow(/allowInsecureHttp/);
    expect(() => parseBaseUrl('http://10.0.0.1')).toThrow(ConfigurationError);
    expect(parseBaseUrl('http://api.example.com', true).host).toBe('api.example.com');
  });

  it('refuses relative URLs, other schemes, credentials, query and fragment', () => {
    const bad = [
      '',
      '   ',
      '/v1',
      'api.example.com',
      'ftp://api.example.com',
      'https://api.example.com/v1?x=1',
      'https://api.example.com/v1?',
      'https://api.example.com/#a',
    ];
    for (const url of bad) expect(() => parseBaseUrl(url), url).toThrow(ConfigurationError);
  });

  it('never echoes a password it refuses', () => {
    try {
      parseBaseUrl('https://key:supersecret@api.example.com');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(String(error)).not.toContain('supersecret');
      expect(JSON.stringify(error)).not.toContain('supersecret');
    }
  });
});
