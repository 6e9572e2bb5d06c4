import { describe, expect, expectTypeOf, it } from 'vitest';
import { bearerAuth } from '../auth/bearer.js';
import type { HttpClientConfig } from '../config/client-config.js';
import type { SettingsInput } from '../config/resolve-settings.js';
import type { OperationRequestOptions } from '../request-options.js';
import { RetryBudget } from '../retry/retry-budget.js';
import type { ClientOptions } from './client-options.js';
import { toHttpClientConfig, type CLIENT_OPTION_KEYS } from './to-http-client-config.js';

const identity = {
  name: '@upkit/x-client',
  version: '1.2.3',
  baseURLEnv: 'UPKIT_TEST_BASE_URL',
  defaultBaseURL: 'https://api.example.com/v1',
};

describe('toHttpClientConfig', () => {
  it('adds the identity, reading nothing from the environment', () => {
    const auth = bearerAuth('t');
    expect(toHttpClientConfig({}, { ...identity, auth })).toEqual({
      auth,
      userAgent: '@upkit/x-client/1.2.3',
      baseURLEnv: 'UPKIT_TEST_BASE_URL',
      defaultBaseURL: 'https://api.example.com/v1',
    });
  });

  it('passes every client option on under its own name, and nothing else', () => {
    const options: Required<ClientOptions> = {
      baseURL: 'https://b.example.com',
      allowInsecureHttp: true,
      defaultHeaders: { 'x-a': '1' },
      fetch: globalThis.fetch,
      fetchOptions: { cache: 'no-store' },
      userAgentHeader: 'both',
      maxRetries: 0,
      initialRetryDelayMs: 1,
      maxRetryDelayMs: 2,
      retryNonIdempotent: true,
      retryBudget: new RetryBudget(),
      autoIdempotencyKey: true,
      idempotencyKeyHeader: 'X-Key',
      timeout: 10,
      deadline: 20,
      maxResponseBytes: 30,
      maxRedirects: 1,
      validation: 'warn',
      logLevel: 'debug',
      logger: console,
      redaction: { headers: ['x-a'] },
      middleware: [],
      sleep: async () => {},
      now: () => 0,
    };
    const config = toHttpClientConfig({ ...options, apiKey: 'secret' } as ClientOptions, identity);
    expect(config).toMatchObject(options);
    expect(Object.keys(config)).not.toContain('apiKey');
  });

  it('knows every option, and a call takes its overridable ones under the same names', () => {
    expectTypeOf<(typeof CLIENT_OPTION_KEYS)[number]>().toEqualTypeOf<keyof ClientOptions>();
    expectTypeOf<keyof SettingsInput>().toExtend<keyof ClientOptions>();
    expectTypeOf<keyof SettingsInput>().toExtend<keyof OperationRequestOptions>();
    expectTypeOf<ClientOptions>().toExtend<Partial<HttpClientConfig>>();
  });
});
