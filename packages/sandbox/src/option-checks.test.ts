import { describe, expect, it } from 'vitest';
import { SandboxConfigError } from './errors/sandbox-config-error.js';
import { silentLogger } from './logger.js';
import { checkOptions } from './option-checks.js';
import { parseFaultSettings } from './faults/fault-settings.js';
import { startSandbox } from './sandbox.js';

describe('checkOptions', () => {
  it('checks each option against its range, naming it', () => {
    expect(() => checkOptions({ port: 65_535, scenario: { minPartSize: 1 } })).not.toThrow();
    expect(() => checkOptions({ port: 65_536 })).toThrow(SandboxConfigError);
    expect(() => checkOptions({ scenario: { importDelayMs: 1.5 } })).toThrow(
      'scenario.importDelayMs must be an integer in [0, 86400000], got 1.5',
    );
    expect(() => checkOptions({ cadenya: { uploadUrlTtlSeconds: 604_801 } })).toThrow(
      'cadenya.uploadUrlTtlSeconds must be an integer in [1, 604800]',
    );
  });

  it.each([
    [{ host: '' }, 'host must be a non-empty string, got ""'],
    [{ publicUrl: 'ftp://x' }, 'publicUrl must be an http or https URL, got "ftp://x"'],
    [{ strict: 'yes' }, 'strict must be true or false, got "yes"'],
    [{ now: 5 }, 'now must be a function, got 5'],
    [{ logger: {} }, 'logger must be a logger (info, warn and error functions), got an object'],
    [
      { credentials: { scenario: { apiKey: 7 } } },
      'credentials.scenario.apiKey must be a non-empty',
    ],
    [
      { credentials: { cadenya: { otherWorkspaceIds: 'w' } } },
      'must be a list of non-empty strings',
    ],
    [{ scenario: 5 }, 'scenario must be an object'],
    [{ scenario: { minPartsize: 1 } }, 'scenario: unknown setting "minPartsize"'],
    [{ bogus: true }, 'options: unknown setting "bogus"'],
    [
      { faults: { api: { errorRate: 2 } } },
      'faults.api.errorRate must be a number in [0, 1], got 2',
    ],
  ])('refuses %j', (options, message) => {
    expect(() => checkOptions(options as never)).toThrow(message);
  });

  it('lets undefined settings pass as absent', () => {
    expect(() =>
      checkOptions({ scenario: { minPartSize: undefined }, bogus: undefined } as never),
    ).not.toThrow();
  });

  it('refuses bad options at start, before anything is made', async () => {
    await expect(
      startSandbox({ logger: silentLogger, faults: { storage: { resetRate: -1 } } }),
    ).rejects.toThrow('faults.storage.resetRate must be a number in [0, 1], got -1');
  });
});

describe('parseFaultSettings', () => {
  it.each([
    [
      { api: { errorStatus: 404 } },
      'faults.api.errorStatus must be 500, 502 or 503 (or a list of them)',
    ],
    [{ api: { errorStatus: [] } }, 'faults.api.errorStatus must be'],
    [
      { api: { rateLimitStatus: [429] } },
      'faults.api.rateLimitStatus must be 429 or 503, got [429]',
    ],
    [{ storage: { latencyMs: [10, 5] } }, 'faults.storage.latencyMs must be a number of ms'],
    [{ storage: { latencyMs: 600_001 } }, 'faults.storage.latencyMs'],
    [
      { api: { retryAfterSeconds: 86_401 } },
      'faults.api.retryAfterSeconds must be an integer in [0, 86400]',
    ],
    [{ seed: -1 }, 'faults.seed must be an integer in [0, 4294967295]'],
    [{ api: { times: 1.5 } }, 'faults.api.times must be an integer'],
    [[], 'faults must be an object'],
  ])('refuses %j', (settings, message) => {
    expect(() => parseFaultSettings(settings)).toThrow(message);
  });

  it('answers a copy of good settings', () => {
    const latencyMs = [1, 2] as const;
    const parsed = parseFaultSettings({ seed: 3, api: { latencyMs, errorStatus: [500, 503] } });
    expect(parsed).toEqual({ seed: 3, api: { latencyMs: [1, 2], errorStatus: [500, 503] } });
    expect(parsed.api?.latencyMs).not.toBe(latencyMs);
  });
});
