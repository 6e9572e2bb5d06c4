import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS } from '../credentials.js';
import { SandboxConfigError } from '../errors/sandbox-config-error.js';
import { startSandbox } from '../sandbox.js';
import { silentLogger } from '../logger.js';
import { spawnCli } from '../testing/cli-process.js';
import type { CliProcess } from '../testing/cli-process.js';
import { DEFAULT_CLI_PORT, parseCliArgs } from './parse-args.js';
import { runCli } from './run-cli.js';
import { startupMessage } from './startup-message.js';

describe('parseCliArgs', () => {
  it('has defaults', () => {
    const command = parseCliArgs([]);
    expect(command).toMatchObject({ kind: 'start', quiet: false });
    if (command.kind !== 'start') throw new Error();
    expect(command.options).toMatchObject({
      port: DEFAULT_CLI_PORT,
      host: '127.0.0.1',
      faults: {},
      logRequests: false,
      strict: false,
    });
    expect(command.options.dataDir).toBeUndefined();
  });

  it('reads server, scenario, credential and fault flags', () => {
    const command = parseCliArgs([
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data-dir',
      '/tmp/x',
      '--log-requests',
      '--strict',
      '--quiet',
      '--min-part-size',
      '1024',
      '--validating-delay-ms',
      '10',
      '--import-delay-ms',
      '20',
      '--cadenya-api-key',
      'k',
      '--scenario-api-secret',
      's',
      '--seed',
      '7',
      '--url-ttl',
      '60',
      '--api-error-rate',
      '0.25',
      '--api-error-status',
      '500,503',
      '--api-latency-ms',
      '10-20',
      '--storage-rate-limit-rate',
      '0.5',
      '--storage-retry-after',
      '3',
      '--storage-reset-after-bytes',
      '1024',
      '--storage-reset-rate',
      '0.5',
      '--storage-times',
      '2',
    ]);
    if (command.kind !== 'start') throw new Error();
    expect(command.quiet).toBe(true);
    expect(command.options).toMatchObject({
      port: 0,
      dataDir: '/tmp/x',
      logRequests: true,
      strict: true,
      scenario: { minPartSize: 1024, validatingDelayMs: 10, importDelayMs: 20 },
      credentials: { cadenya: { apiKey: 'k' }, scenario: { apiSecret: 's' } },
      faults: {
        seed: 7,
        urlTtlSeconds: 60,
        api: { errorRate: 0.25, errorStatus: [500, 503], latencyMs: [10, 20] },
        storage: {
          rateLimitRate: 0.5,
          retryAfterSeconds: 3,
          resetAfterBytes: 1024,
          resetRate: 0.5,
          times: 2,
        },
      },
    });
  });

  it.each([
    [['--bogus']],
    [['--port', 'eighty']],
    [['--api-error-rate', '2']],
    [['--storage-error-status', '404']],
    [['positional']],
  ])('refuses %j', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(SandboxConfigError);
  });

  it('answers --help and --version', async () => {
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    let out = '';
    const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (out += t) };
    expect(await runCli(['--version'], io)).toBe(0);
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/);
    out = '';
    expect(await runCli(['--nope'], io)).toBe(2);
    expect(out).toMatch(/Usage: upkit-sandbox/);
  });
});

describe('startupMessage', () => {
  it('prints the base URLs and the development credentials, never custom ones', async () => {
    const sandbox = await startSandbox({
      logger: silentLogger,
      credentials: { cadenya: { apiKey: 'my-real-looking-key' } },
    });
    try {
      const text = startupMessage(sandbox, true);
      for (const url of [
        sandbox.url,
        sandbox.scenarioBaseUrl,
        sandbox.cadenyaBaseUrl,
        sandbox.storageUrl,
        sandbox.inspectionUrl,
      ]) {
        expect(text).toContain(url);
      }
      expect(text).toContain(`SCENARIO_SDK_API_KEY=${DEFAULT_CREDENTIALS.scenario.apiKey}`);
      expect(text).toMatch(/SCENARIO_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/scenario\/v1\n/);
      expect(text).toContain(`SCENARIO_SDK_API_SECRET=${DEFAULT_CREDENTIALS.scenario.apiSecret}`);
      expect(text).toContain(DEFAULT_CREDENTIALS.scenario.bearerToken);
      expect(text).toContain(`CADENYA_WORKSPACE_ID=${DEFAULT_CREDENTIALS.cadenya.workspaceId}`);
      expect(text).not.toContain('my-real-looking-key');
      expect(text).toContain('CADENYA_API_KEY=(as given with --cadenya-api-key)');
      expect(text).not.toContain(DEFAULT_CREDENTIALS.storage.secretAccessKey);
      expect(text).toContain('Request bodies  as lenient as the real services');
    } finally {
      await sandbox.close();
    }
  });
});

describe('the upkit-sandbox process', () => {
  let cli: CliProcess | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    cli?.kill();
    cli = undefined;
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('serves, then shuts down cleanly on SIGINT, removing its temporary data directory', async () => {
    cli = await spawnCli(['--port', '0']);
    expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(cli.stdout()).toContain(`${cli.url}/scenario/v1`);
    expect(cli.stdout()).toContain(`CADENYA_API_KEY=${DEFAULT_CREDENTIALS.cadenya.apiKey}`);
    const dataDir = /Data directory\s+(\S+)/.exec(cli.stdout())![1]!;
    expect(existsSync(dataDir)).toBe(true);
    const res = await fetch(`${cli.url}/scenario/v1/uploads/x`);
    expect(res.status).toBe(401);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(cli.stdout()).toMatch(/Received SIGINT[\s\S]*Stopped/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('keeps a --data-dir on SIGTERM, and reopens it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'upkit-sandbox-cli-'));
    dirs.push(dir);
    cli = await spawnCli(['--port', '0', '--data-dir', dir, '--log-requests']);
    const auth = `Basic ${Buffer.from(`${DEFAULT_CREDENTIALS.scenario.apiKey}:${DEFAULT_CREDENTIALS.scenario.apiSecret}`).toString('base64')}`;
    const created = await fetch(`${cli.url}/scenario/v1/uploads`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ huggingFaceModelName: 'a/b' }),
    });
    const { upload } = (await created.json()) as { upload: { id: string } };
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    // Request lines were logged, without credentials.
    expect(cli.stdout() + cli.stderr()).toMatch(/POST \/scenario\/v1\/uploads → 200/);
    expect(cli.stderr()).not.toContain(DEFAULT_CREDENTIALS.scenario.apiSecret);
    expect(
      JSON.parse(await readFile(join(dir, 'state.json'), 'utf8')).scenario.uploads[upload.id],
    ).toBeDefined();

    cli = await spawnCli(['--port', '0', '--data-dir', dir]);
    const again = await fetch(`${cli.url}/scenario/v1/uploads/${upload.id}`, {
      headers: { authorization: auth },
    });
    expect(again.status).toBe(200);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(existsSync(dir)).toBe(true);
  });
});
