import { describe, expect, it } from 'vitest';
import { SandboxConfigError } from './errors/sandbox-config-error.js';
import { resolveCadenyaSettings, resolveScenarioSettings } from './options.js';
import { checkIntegerOptions, CLI_INTEGER_OPTIONS, INTEGER_OPTIONS } from './options-table.js';

describe('the options table', () => {
  it('gives the defaults the settings resolve to', () => {
    expect(resolveScenarioSettings()).toEqual({
      minPartSize: INTEGER_OPTIONS.minPartSize.default,
      validatingDelayMs: INTEGER_OPTIONS.validatingDelayMs.default,
      importDelayMs: INTEGER_OPTIONS.importDelayMs.default,
      partUrlTtlSeconds: INTEGER_OPTIONS.partUrlTtlSeconds.default,
    });
    expect(resolveCadenyaSettings()).toEqual({
      uploadUrlTtlSeconds: 900,
      maxMemoryEntryBytes: 10485760,
    });
  });

  it('checks each option against its range, naming it', () => {
    expect(() => checkIntegerOptions({ port: 65_535, scenario: { minPartSize: 1 } })).not.toThrow();
    expect(() => checkIntegerOptions({ port: 65_536 })).toThrow(SandboxConfigError);
    expect(() => checkIntegerOptions({ scenario: { importDelayMs: 1.5 } })).toThrow(
      'scenario.importDelayMs must be an integer in [0, 86400000], got 1.5',
    );
    expect(() => checkIntegerOptions({ cadenya: { uploadUrlTtlSeconds: 604_801 } })).toThrow(
      'cadenya.uploadUrlTtlSeconds must be an integer in [1, 604800]',
    );
  });

  it('has a default inside each range, and distinct CLI flags', () => {
    for (const option of Object.values(INTEGER_OPTIONS)) {
      expect(option.default).toBeGreaterThanOrEqual(option.min);
      expect(option.default).toBeLessThanOrEqual(option.max);
    }
    const flags = CLI_INTEGER_OPTIONS.map((option) => option.cli.flag);
    expect(new Set(flags).size).toBe(flags.length);
  });
});
