import { describe, expect, it } from 'vitest';
import { CLI_FLAGS } from './cli-flags.js';
import { CliUsageError } from './cli-usage-error.js';
import { parseCliArgs, USAGE } from './parse-cli-args.js';

const parse = (args: string[], isTTY = false) => parseCliArgs(args, { isTTY });

/** The usage error's message for `args`. */
function refused(args: string[]): string {
  try {
    parse(args);
  } catch (error) {
    expect(error).toBeInstanceOf(CliUsageError);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${args.join(' ')}`);
}

describe('parseCliArgs', () => {
  it('has defaults, and picks the display from the terminal', () => {
    expect(parse(['a.glb', '--to', 'scenario'])).toMatchObject({
      kind: 'upload',
      inputs: ['a.glb'],
      to: 'scenario',
      concurrency: 4,
      files: 2,
      partSize: undefined,
      stateDir: '.upkit-upload',
      output: 'plain',
      resume: false,
      restart: false,
      verbose: false,
    });
    expect(parse(['a.glb', '--to', 'scenario'], true)).toMatchObject({ output: 'tty' });
    expect(parse(['a.glb', '--to', 'scenario', '--json'], true)).toMatchObject({ output: 'json' });
    expect(parse(['a.glb', '--to', 'scenario', '-q'], true)).toMatchObject({ output: 'quiet' });
  });

  it('reads every flag', () => {
    expect(
      parse([
        'models',
        'b.glb',
        '--to=scenario',
        '--kind',
        'model',
        '--project',
        'proj_1',
        '-c',
        '8',
        '--files',
        '3',
        '--part-size',
        '16MiB',
        '--content-type',
        'model/gltf-binary',
        '--include',
        '**/*.glb',
        '--include',
        '*.gltf',
        '--exclude',
        'tmp/**',
        '--resume',
        '--state-dir',
        'st',
        '--base-url',
        'http://127.0.0.1:1/scenario/v1',
        '--verbose',
      ]),
    ).toMatchObject({
      inputs: ['models', 'b.glb'],
      scenarioKind: 'model',
      project: 'proj_1',
      concurrency: 8,
      files: 3,
      partSize: 16 * 2 ** 20,
      contentType: 'model/gltf-binary',
      include: ['**/*.glb', '*.gltf'],
      exclude: ['tmp/**'],
      resume: true,
      stateDir: 'st',
      baseURL: 'http://127.0.0.1:1/scenario/v1',
      verbose: true,
    });
    expect(parse(['a.pdf', '--to', 'cadenya', '--workspace', 'ws', '--name', 'A'])).toMatchObject({
      to: 'cadenya',
      workspace: 'ws',
      name: 'A',
    });
  });

  it('refuses bad usage with a message that names the flag', () => {
    expect(refused(['a.glb', '--to', 'scenario', '--colour'])).toMatch(/Unknown option '--colour'/);
    expect(refused(['a.glb', '--to', 'scenario', '--part-size', '3MiB'])).toBe(
      '--part-size must be at least 5 MiB (storage refuses smaller parts), got 3MiB',
    );
    expect(refused(['a.glb', '--to', 'scenario', '--part-size', 'big'])).toMatch(
      /--part-size must be a whole number of bytes/,
    );
    expect(refused(['a.glb', '--to', 's3'])).toBe('--to must be scenario or cadenya, got "s3"');
    expect(refused(['a.glb'])).toBe('--to is required: scenario or cadenya');
    expect(refused(['--to', 'scenario'])).toBe('give at least one file or folder to upload');
    expect(refused(['a.glb', '--to', 'scenario', '--concurrency', '0'])).toMatch(
      /--concurrency must be a whole number/,
    );
    expect(refused(['a.glb', '--to', 'scenario', '--files', '1.5'])).toMatch(
      /--files must be a whole number/,
    );
    expect(refused(['a', 'b', '--to', 'scenario', '--name', 'x'])).toMatch(/--name names one file/);
    expect(refused(['a', '--to', 'cadenya', '--part-size', '8MiB'])).toMatch(
      /--part-size is for Scenario/,
    );
    expect(refused(['a', '--to', 'scenario', '--workspace', 'w'])).toMatch(
      /--workspace is for Cadenya/,
    );
    expect(refused(['a', '--to', 'scenario', '--resume', '--restart'])).toMatch(/contradict/);
    expect(refused(['a', '--to', 'scenario', '--base-url', 'nope'])).toMatch(
      /--base-url must be an absolute URL/,
    );
  });

  it('answers --help and --version before anything else', () => {
    expect(parse(['--help'])).toEqual({ kind: 'help' });
    expect(parse(['-h', '--to', 'bogus'])).toEqual({ kind: 'help' });
    expect(parse(['--version'])).toEqual({ kind: 'version' });
  });
});

describe('the help', () => {
  it('documents every flag, with an example for each target and the exit codes', () => {
    for (const name of Object.keys(CLI_FLAGS)) expect(USAGE).toContain(`--${name}`);
    expect(USAGE).toMatch(/^ {2}upkit-upload .* --to scenario/m);
    expect(USAGE).toMatch(/^ {2}upkit-upload .* --to cadenya/m);
    expect(USAGE).toContain('130 interrupted');
    for (const variable of [
      'SCENARIO_SDK_API_KEY',
      'SCENARIO_SDK_API_SECRET',
      'CADENYA_API_KEY',
      'CADENYA_WORKSPACE_ID',
    ]) {
      expect(USAGE).toContain(variable);
    }
    // Lines fit a terminal.
    for (const line of USAGE.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
  });
});
