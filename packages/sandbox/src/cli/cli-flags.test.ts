import { describe, expect, it } from 'vitest';
import { SandboxConfigError } from '../errors/sandbox-config-error.js';
import { flagHelp, flagOf, OPTION_FLAGS, optionsFromFlags } from './cli-flags.js';

describe('the CLI flags of the options table', () => {
  it('are distinct, one per class for each route fault', () => {
    const names = OPTION_FLAGS.map((flag) => flag.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['api-error-rate', 'storage-error-rate', 'port']));
    expect(flagOf('credentials.scenario.apiKey')).toBe('--scenario-api-key');
    expect(() => flagOf('logger')).toThrow();
  });

  it('read each kind of value, and refuse bad ones by their flag', () => {
    expect(
      optionsFromFlags({
        'api-latency-ms': '5-9',
        'storage-latency-ms': '4',
        'api-error-status': '503',
        'public-url': 'http://sandbox.local',
        strict: true,
      }),
    ).toMatchObject({
      publicUrl: 'http://sandbox.local',
      strict: true,
      faults: { api: { latencyMs: [5, 9], errorStatus: 503 }, storage: { latencyMs: 4 } },
    });
    expect(() => optionsFromFlags({ 'api-error-rate': '2' })).toThrow(
      '--api-error-rate must be a number in [0, 1], got 2',
    );
    expect(() => optionsFromFlags({ 'min-part-size': '0' })).toThrow(
      '--min-part-size must be an integer in [1, 5368709120], got 0',
    );
    expect(() => optionsFromFlags({ seed: 'x' })).toThrow(SandboxConfigError);
  });

  it('list every flag in --help, with its default', () => {
    const help = flagHelp();
    for (const flag of OPTION_FLAGS) expect(help).toContain(`--${flag.helpName}`);
    expect(help).not.toContain('--api-');
    expect(help).toContain(
      '  --port <n>                   TCP port, 0 for a free one (default 4510)\n',
    );
    expect(help).toContain(
      '  --<class>-rate-limit-rate <0..1>\n                               share refused with 429',
    );
    expect(help).toContain(
      '  --seed <n>                   PRNG seed: same seed, same faults (default 1)\n',
    );
    expect(help.endsWith('  --version                    print the version\n')).toBe(true);
  });
});
