import { execFile } from 'node:child_process';
import { appendFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { fixturePath, scratchDir } from './testing/fixtures.js';

function capture() {
  const io = { out: '', err: '' };
  return {
    io,
    cli: { stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) },
  };
}

const outDir = scratchDir('cli/out');
const spec = fixturePath('petstore-3.0');

beforeAll(async () => {
  await rm(scratchDir('cli'), { recursive: true, force: true });
});

describe('upkit-codegen', () => {
  it('writes the files, then --check passes on fresh output and fails after a hand edit', async () => {
    const write = capture();
    expect(await runCli([spec, '--out', outDir], write.cli)).toBe(0);
    expect((await readdir(outDir)).sort()).toEqual([
      'classic-index.ts',
      'classic.ts',
      'enums.ts',
      'index.ts',
      'int64.ts',
      'mini.ts',
      'operations.ts',
      'standard-index.ts',
      'standard-runtime.ts',
      'standard.ts',
      'types.ts',
    ]);

    const clean = capture();
    expect(await runCli([spec, '--out', outDir, '--check'], clean.cli)).toBe(0);
    expect(clean.io.out).toContain('is up to date');

    await appendFile(`${outDir}/mini.ts`, '// hand edit\n');
    await writeFile(`${outDir}/stray.ts`, 'export {};\n');
    const dirty = capture();
    expect(await runCli([spec, '--out', outDir, '--check'], dirty.cli)).toBe(1);
    expect(dirty.io.err).toContain('changed: mini.ts');
    expect(dirty.io.err).toContain('not generated: stray.ts');
    expect(dirty.io.err).not.toContain('classic.ts');
  });

  it('reports a missing output directory as missing files', async () => {
    const run = capture();
    expect(await runCli([spec, '--out', scratchDir('cli/nowhere'), '--check'], run.cli)).toBe(1);
    expect(run.io.err).toContain('missing: mini.ts');
  });

  it('applies --prefix to schema names', async () => {
    const dir = scratchDir('cli/prefixed');
    expect(await runCli([spec, '--out', dir, '--prefix', 'Petstore'], capture().cli)).toBe(0);
    expect(
      await runCli([spec, '--out', dir, '--prefix', 'Petstore', '--check'], capture().cli),
    ).toBe(0);
    expect(await runCli([spec, '--out', dir, '--check'], capture().cli)).toBe(1);
  });

  it('exits 2 with a usage message on bad arguments or input', async () => {
    const noOut = capture();
    expect(await runCli([spec], noOut.cli)).toBe(2);
    expect(noOut.io.err).toContain('Missing --out <dir>');
    const unknown = capture();
    expect(await runCli([spec, '--out', outDir, '--frobnicate'], unknown.cli)).toBe(2);
    const missing = capture();
    await mkdir(scratchDir('cli'), { recursive: true });
    expect(await runCli([scratchDir('cli/none.yaml'), '--out', outDir], missing.cli)).toBe(2);
    expect(missing.io.err).toMatch(/Cannot read .*none\.yaml/);
  });

  it('sets the process exit code when run as a program', async () => {
    const tsx = createRequire(import.meta.url).resolve('tsx');
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const dir = scratchDir('cli/process');
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', tsx, cli, ...args]).then(
        () => 0,
        (error: { code: number }) => error.code,
      );
    // One process (each costs seconds): the in-process tests above cover the other outcomes.
    expect(await runCli([spec, '--out', dir], capture().cli)).toBe(0);
    await appendFile(`${dir}/operations.ts`, '\n');
    expect(await run([spec, '--out', dir, '--check'])).toBe(1);
  });
});
