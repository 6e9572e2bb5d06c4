import { bearerAuth } from '../auth/bearer.js';
import { RetryBudget } from '../retry/retry-budget.js';
import { toHttpClientConfig } from './client-options.js';
import type { Middleware } from '../middleware.js';
import { afterEach, describe, expect, it, vi } from 'vitest';

// core-http's toHttpClientConfig, which both clients build their transport with.
const identity = {
  name: '@upkit/x-client',
  version: '1.2.3',
  baseURLEnv: 'UPKIT_TEST_BASE_URL',
  defaultBaseURL: 'https://api.example.com/v1',
};

describe('toHttpClientConfig', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('uses the default base URL and the product token, and leaves unset options out', () => {
    vi.stubEnv('UPKIT_TEST_BASE_URL', '');
    expect(toHttpClientConfig({}, identity)).toEqual({
      baseUrl: 'https://api.example.com/v1',
      userAgent: '@upkit/x-client/1.2.3',
    });
  });

  it('prefers the option, then the environment variable, to the default', () => {
    vi.stubEnv('UPKIT_TEST_BASE_URL', 'http://127.0.0.1:9/env');
    expect(toHttpClientConfig({}, identity).baseUrl).toBe('http://127.0.0.1:9/env');
    expect(toHttpClientConfig({ baseURL: 'http://127.0.0.1:9/opt' }, identity).baseUrl).toBe(
      'http://127.0.0.1:9/opt',
    );
  });

  it('refuses a blank baseURL instead of falling back', () => {
    expect(() => toHttpClientConfig({ baseURL: ' ' }, identity)).toThrow(
      /baseURL must not be blank/,
    );
  });

  it('maps every client option onto core-http names', () => {
    const auth = bearerAuth('t');
    const retryBudget = new RetryBudget();
    const logger = { debug() {}, info() {}, warn() {}, error() {} };
    const middleware: Middleware[] = [async (request, next) => next(request)];
    const config = toHttpClientConfig(
      {
        timeout: 10,
        deadline: 20,
        maxRetries: 0,
        fetch: globalThis.fetch,
        logger,
        logLevel: 'debug',
        defaultHeaders: { 'x-a': '1' },
        validation: 'warn',
        middleware,
        retryBudget,
        allowInsecureHttp: true,
      },
      { ...identity, auth },
    );
    expect(config).toMatchObject({
      auth,
      timeoutMs: 10,
      deadlineMs: 20,
      maxRetries: 0,
      fetch: globalThis.fetch,
      logger,
      logLevel: 'debug',
      headers: { 'x-a': '1' },
      validation: 'warn',
      middleware,
      retryBudget,
      allowInsecureHttp: true,
    });
  });
});
