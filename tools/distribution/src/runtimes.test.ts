// Both clients and the uploader on other runtimes, installed as npm packages (bun, deno, workerd):
// the portable entries bundled by esbuild, run against the sandbox on 127.0.0.1.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, silentLogger, type Sandbox } from '@upkit/sandbox';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './free-port.js';
import { run } from './run.js';

const BIN = fileURLToPath(new URL('../../../node_modules/.bin/', import.meta.url));

/** Each runtime: how it prints its version, and how it runs a script with network access only. */
const RUNTIMES = {
  bun: { version: ['--version'], run: (script: string) => ['run', script] },
  deno: {
    version: ['--version'],
    run: (script: string) => ['run', '--no-prompt', '--allow-net=127.0.0.1', script],
  },
} as const;

let sandbox: Sandbox | undefined;
let dir: string;
let script: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'upkit-runtimes-'));
  sandbox = await startSandbox({
    port: 0,
    logger: silentLogger,
    strict: true,
    scenario: { validatingDelayMs: 10, importDelayMs: 10 },
  });
  const { scenario, cadenya } = sandbox.credentials;
  const config = {
    scenarioBaseUrl: sandbox.scenarioBaseUrl,
    scenarioApiKey: scenario.apiKey,
    scenarioApiSecret: scenario.apiSecret,
    cadenyaBaseUrl: sandbox.cadenyaBaseUrl,
    cadenyaApiKey: cadenya.apiKey,
    cadenyaWorkspaceId: cadenya.workspaceId,
  };
  const bundle = async (entry: string) => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL(`./runtimes/${entry}`, import.meta.url))],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      conditions: ['@upkit/source'],
      target: 'es2022',
      define: { __SMOKE_CONFIG__: JSON.stringify(config) },
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0]!.text;
  };
  script = join(dir, 'smoke.mjs');
  await writeFile(script, await bundle('script-entry.ts'));
  await writeFile(join(dir, 'worker.mjs'), await bundle('worker-entry.ts'));
});

afterAll(async () => {
  await sandbox?.close();
  await rm(dir, { recursive: true, force: true });
});

describe.each(Object.keys(RUNTIMES) as (keyof typeof RUNTIMES)[])('on %s', (name) => {
  it('both clients and the uploader, from a Uint8Array and a Blob, bit-exact in the sandbox', async () => {
    const runtime = RUNTIMES[name];
    const version = await run(join(BIN, name), runtime.version, { cwd: dir });
    console.log(`${name}: ${version.output.trim().split('\n')[0]}`);
    const { output } = await run(join(BIN, name), runtime.run(script), {
      cwd: dir,
      env: { DENO_DIR: join(dir, 'deno'), DENO_NO_UPDATE_CHECK: '1' },
    });
    await checkResults(JSON.parse(output.trim().split('\n').at(-1)!));
  });
});

describe('on workerd (Cloudflare Workers)', () => {
  it('both clients and the uploader, from a Uint8Array and a Blob, bit-exact in the sandbox', async () => {
    const workerd = join(BIN, 'workerd');
    console.log(`workerd: ${(await run(workerd, ['--version'], { cwd: dir })).output.trim()}`);
    const port = await freePort();
    await writeFile(join(dir, 'config.capnp'), workerdConfig(port));
    const child = spawn(workerd, ['serve', join(dir, 'config.capnp')], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (c: Buffer) => (log += c.toString()));
    child.stderr.on('data', (c: Buffer) => (log += c.toString()));
    try {
      let response: Response | undefined;
      for (let i = 0; !response; i++) {
        if (child.exitCode !== null) throw new Error(`workerd exited:\n${log}`);
        response = await fetch(`http://127.0.0.1:${port}/`).catch(async () => {
          if (i > 600) throw new Error(`workerd did not listen:\n${log}`);
          await new Promise((r) => setTimeout(r, 100));
          return undefined;
        });
      }
      expect(response.status, log).toBe(200);
      await checkResults(await response.json());
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        await exited;
      }
    }
  });
});

/** One socket on 127.0.0.1 to a Worker that may reach the sandbox (a private address). */
function workerdConfig(port: number): string {
  return [
    'using Workerd = import "/workerd/workerd.capnp";',
    'const config :Workerd.Config = (',
    '  services = [',
    '    (name = "main", worker = .smoke),',
    '    (name = "internet", network = (allow = ["public", "private", "local"])),',
    '  ],',
    `  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],`,
    ');',
    'const smoke :Workerd.Worker = (',
    '  modules = [ (name = "worker", esModule = embed "worker.mjs") ],',
    '  compatibilityDate = "2026-11-01",',
    '  globalOutbound = "internet",',
    ');',
    '',
  ].join('\n');
}

/** What every runtime must have done: four uploads, bit-exact in the sandbox. */
async function checkResults(value: unknown): Promise<void> {
  const results = value as {
    target: string;
    source: string;
    uploadId: string;
    sha256: string;
    status: string;
  }[];
  expect(results.map((r) => `${r.target} ${r.source} ${r.status}`)).toEqual([
    'scenario Uint8Array imported',
    'scenario Blob imported',
    'cadenya Uint8Array UPLOAD_STATUS_COMPLETE',
    'cadenya Blob UPLOAD_STATUS_COMPLETE',
  ]);
  const { objects } = (await (await fetch(`${sandbox!.inspectionUrl}/objects`)).json()) as {
    objects: { key: string; sha256: string }[];
  };
  for (const r of results) {
    expect(objects.find((o) => o.key.includes(r.uploadId))?.sha256, `${r.target} ${r.source}`).toBe(
      r.sha256,
    );
  }
  // The same bytes from a Uint8Array and from a Blob.
  expect(results[0]!.sha256).toBe(results[1]!.sha256);
  expect(results[2]!.sha256).toBe(results[3]!.sha256);
}
