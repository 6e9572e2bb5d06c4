import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { freePort } from './free-port.js';

const require = createRequire(import.meta.url);
const VERDACCIO = join(dirname(require.resolve('verdaccio/package.json')), 'bin', 'verdaccio');

/** A Verdaccio registry on 127.0.0.1, with its own storage and no uplink. */
export interface Registry {
  readonly url: string;
  /** The `.npmrc` lines that send `@upkit/*` here (and anything else to the default registry). */
  readonly npmrc: string;
  close(): Promise<void>;
}

/**
 * Starts Verdaccio (6.8, the last to run on Node 20) in a child process, storing in `dir`. Only
 * `@upkit/*` lives there: with no uplink it answers nothing else, so consumers take the rest from
 * their usual registry.
 */
export async function startRegistry(dir: string): Promise<Registry> {
  await mkdir(join(dir, 'storage'), { recursive: true });
  const config = join(dir, 'config.yaml');
  await writeFile(
    config,
    [
      `storage: ${join(dir, 'storage')}`,
      'uplinks: {}',
      'packages:',
      "  '@upkit/*':",
      '    access: $all',
      '    publish: $all',
      '    unpublish: $all',
      'log: { type: stdout, format: pretty, level: warn }',
      'max_body_size: 100mb',
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child: ChildProcess = spawn(
    process.execPath,
    [VERDACCIO, '-c', config, '-l', `127.0.0.1:${port}`],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  // Up once it answers its ping.
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`Verdaccio exited:\n${output}`);
    try {
      const res = await fetch(`${url}-/ping`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (i > 600) {
      await close();
      throw new Error(`Verdaccio did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const host = `//127.0.0.1:${port}/`;
  return {
    url,
    npmrc: `@upkit:registry=${url}\n${host}:_authToken=upkit-distribution-test\n`,
    close,
  };
}
