import { describe, expect, it } from 'vitest';
import { resolveCadenyaSettings, resolveScenarioSettings } from './options.js';
import { isGroup, OPTIONS_TABLE, SCENARIO_OPTIONS } from './options-table.js';
import type { OptionGroup, OptionRow } from './options-table.js';

/** Every row of the table, with its dotted path. */
function rows(group: OptionGroup, path = ''): [string, OptionRow][] {
  return Object.entries(group.rows).flatMap(([key, row]) =>
    isGroup(row) ? rows(row, `${path}${key}.`) : [[`${path}${key}`, row] as [string, OptionRow]],
  );
}

describe('the options table', () => {
  it('gives the defaults the settings resolve to', () => {
    expect(resolveScenarioSettings()).toEqual({
      minPartSize: SCENARIO_OPTIONS.minPartSize.default,
      validatingDelayMs: SCENARIO_OPTIONS.validatingDelayMs.default,
      importDelayMs: SCENARIO_OPTIONS.importDelayMs.default,
      partUrlTtlSeconds: SCENARIO_OPTIONS.partUrlTtlSeconds.default,
    });
    expect(resolveCadenyaSettings()).toEqual({
      uploadUrlTtlSeconds: 900,
      maxMemoryEntryBytes: 10485760,
    });
  });

  it('has every numeric default inside its range', () => {
    const numeric = rows(OPTIONS_TABLE).filter(
      ([, row]) => row.default !== undefined && 'min' in row.kind,
    );
    expect(numeric.length).toBeGreaterThan(10);
    for (const [path, row] of numeric) {
      const { min, max } = row.kind as { min: number; max: number };
      expect([path, row.default]).toEqual([path, expect.any(Number)]);
      expect(row.default as number, path).toBeGreaterThanOrEqual(min);
      expect(row.default as number, path).toBeLessThanOrEqual(max);
    }
  });

  it('holds the S3 limits and the fault ranges', () => {
    const byPath = new Map(rows(OPTIONS_TABLE));
    expect(byPath.get('scenario.minPartSize')?.kind).toEqual({
      type: 'integer',
      min: 1,
      max: 5 * 1024 ** 3,
    });
    expect(byPath.get('faults.urlTtlSeconds')?.kind).toMatchObject({ max: 604_800 });
    expect(byPath.get('faults.api.retryAfterSeconds')?.kind).toMatchObject({ max: 86_400 });
    expect(byPath.get('faults.storage.latencyMs')?.kind).toEqual({
      type: 'latency',
      max: 600_000,
    });
  });
});
