import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from './errors/configuration-error.js';
import { resolveOption } from './resolve-option.js';

const ENV = 'UPKIT_TEST_RESOLVE_OPTION';

describe('resolveOption', () => {
  afterEach(() => {
    delete process.env[ENV];
  });

  it('uses a given value and ignores the environment', () => {
    process.env[ENV] = 'from-env';
    expect(resolveOption({ value: 'given', env: ENV, name: 'apiKey' })).toBe('given');
  });

  it('falls back to the environment only when the option is undefined', () => {
    process.env[ENV] = 'from-env';
    expect(resolveOption({ value: undefined, env: ENV, name: 'apiKey' })).toBe('from-env');
  });

  it('treats a blank option as an error, never as a fallback', () => {
    process.env[ENV] = 'from-env';
    for (const value of ['', '   ', '\t']) {
      expect(() => resolveOption({ value, env: ENV, name: 'apiKey' })).toThrow(
        /apiKey must not be blank/,
      );
    }
  });

  it('treats a blank variable as unset, then uses the default', () => {
    process.env[ENV] = '  ';
    expect(resolveOption({ value: undefined, env: ENV, name: 'baseUrl' })).toBeUndefined();
    expect(resolveOption({ value: undefined, env: ENV, name: 'baseUrl', default: 'd' })).toBe('d');
  });

  it('explains both ways to provide a required option', () => {
    try {
      resolveOption({ value: undefined, env: ENV, name: 'apiKey', required: true });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).option).toBe('apiKey');
      expect((error as ConfigurationError).env).toBe(ENV);
      expect((error as Error).message).toBe(
        `Missing apiKey: pass the \`apiKey\` option or set the ${ENV} environment variable`,
      );
    }
  });
});
