import { afterEach, describe, expect, it, vi } from 'vitest';
import { bearerAuth } from '../auth/bearer.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import { RetryBudget } from '../retry/retry-budget.js';
import type { HttpClientConfig } from './client-config.js';
import { resolveConfig } from './resolve-config.js';

const base = { baseURL: 'https://api.example.com/v1' };

describe('resolveConfig', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('fills in every default', () => {
    vi.stubEnv('UPKIT_LOG_LEVEL', '');
    const cfg = resolveConfig(base);
    expect(cfg).toMatchObject({
      timeout: 60_000,
      deadline: undefined,
      maxRetries: 2,
      maxResponseBytes: 4 * 1024 * 1024,
      maxRedirects: 5,
      initialRetryDelayMs: 500,
      maxRetryDelayMs: 8000,
      retryNonIdempotent: false,
      autoIdempotencyKey: false,
      idempotencyKeyHeader: 'Idempotency-Key',
      validation: 'strict',
      logLevel: 'off',
      allowInsecureHttp: false,
    });
    expect(cfg.baseURL.href).toBe('https://api.example.com/v1');
    expect(cfg.retryBudget).toBeInstanceOf(RetryBudget);
    expect(cfg.operationHeaders.get('accept')).toBe('application/json');
    expect([...cfg.foreignHeaders.keys()]).toEqual(['user-agent']);
  });

  it('reads the environment, and only where an option is undefined', () => {
    vi.stubEnv('X_BASE_URL', ' https://env.example.com ');
    vi.stubEnv('UPKIT_LOG_LEVEL', 'DEBUG');
    const fromEnv = { baseURLEnv: 'X_BASE_URL', defaultBaseURL: 'https://default.example.com' };
    expect(resolveConfig(fromEnv)).toMatchObject({ logLevel: 'debug' });
    expect(resolveConfig(fromEnv).baseURL.host).toBe('env.example.com');
    expect(resolveConfig({ ...fromEnv, ...base, logLevel: 'warn' })).toMatchObject({
      logLevel: 'warn',
    });
    vi.stubEnv('X_BASE_URL', '');
    expect(resolveConfig(fromEnv).baseURL.host).toBe('default.example.com');
    expect(() => resolveConfig({ baseURLEnv: 'X_BASE_URL' })).toThrow(
      'Missing baseURL: pass the `baseURL` option or set the X_BASE_URL environment variable',
    );
  });

  it('refuses each unusable option by name', () => {
    const bad: [Partial<HttpClientConfig>, string][] = [
      [{ baseURL: 'http://api.example.com' }, 'baseURL'],
      [{ baseURL: ' ' }, 'baseURL'],
      [{ timeout: -1 }, 'timeout'],
      [{ deadline: Number.NaN }, 'deadline'],
      [{ maxRetries: 1.5 }, 'maxRetries'],
      [{ maxRedirects: -1 }, 'maxRedirects'],
      [{ maxResponseBytes: -1 }, 'maxResponseBytes'],
      [{ initialRetryDelayMs: -1 }, 'initialRetryDelayMs'],
      [{ validation: 'loose' as 'strict' }, 'validation'],
      [{ logLevel: 'loud' as 'off' }, 'logLevel'],
      [{ idempotencyKeyHeader: 'bad header' }, 'idempotencyKeyHeader'],
      [{ defaultHeaders: { 'x-a': 'b\r\nc' } }, 'defaultHeaders'],
      [{ fetchOptions: { redirect: 'follow' } as never }, 'fetchOptions'],
      [{ userAgent: 'bad\nua' }, 'userAgent'],
    ];
    for (const [config, option] of bad) {
      let error: unknown;
      try {
        resolveConfig({ ...base, ...config });
      } catch (caught) {
        error = caught;
      }
      expect(error, option).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).option, option).toBe(option);
    }
  });

  it('keeps only its own options (a client’s credentials stay out)', () => {
    const cfg = resolveConfig({ ...base, auth: bearerAuth('t'), apiKey: 'secret' } as never);
    expect(Object.values(cfg)).not.toContain('secret');
    expect(Object.keys(cfg)).not.toContain('apiKey');
  });
});
