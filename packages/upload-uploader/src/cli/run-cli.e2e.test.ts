// upkit-upload in-process against the sandbox: output modes, batches, usage errors, Ctrl-C and
// resume. The process-level behaviours (SIGKILL, a real terminal) are in cli.process.test.ts.
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientEnvironment } from '@upkit/sandbox';
import { testIo } from '../testing/cli-io.js';
import { fileBytes, sha256 } from '../testing/test-bytes.js';
import { startUploaderSandbox } from '../testing/uploader-sandbox.js';
import { runCli } from './run-cli.js';

const MiB = 2 ** 20;
const ENV = [
  'SCENARIO_SDK_API_KEY',
  'SCENARIO_SDK_API_SECRET',
  'SCENARIO_BASE_URL',
  'CADENYA_API_KEY',
  'CADENYA_WORKSPACE_ID',
  'CADENYA_BASE_URL',
] as const;

let env: Awaited<ReturnType<typeof startUploaderSandbox>>;
let dir: string;
const saved: Partial<Record<(typeof ENV)[number], string | undefined>> = {};

beforeAll(async () => {
  env = await startUploaderSandbox();
  for (const name of ENV) saved[name] = process.env[name];
  Object.assign(process.env, clientEnvironment(env.sandbox, env.sandbox.credentials));
});
afterAll(async () => {
  for (const name of ENV) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await env?.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'upkit-cli-'));
  env.sandbox.setFaults({});
  await env.clearRequests();
  return () => rm(dir, { recursive: true, force: true });
});

async function file(name: string, size: number, seed = 1): Promise<Uint8Array> {
  const bytes = fileBytes(size, seed);
  await mkdir(join(dir, name, '..'), { recursive: true });
  await writeFile(join(dir, name), bytes);
  return bytes;
}

const run = async (args: string[], options: { isTTY?: boolean } = {}) => {
  const t = testIo(dir, options);
  const code = await runCli(args, t.io);
  return { code, out: t.stdout(), err: t.stderr() };
};

describe('upkit-upload', () => {
  it('uploads to Scenario with plain lines: start, every 10%, done with the ids and sha256, a summary', async () => {
    const bytes = await file('robot.glb', 12 * MiB);
    const { code, out, err } = await run(['robot.glb', '--to', 'scenario', '--part-size', '5MiB']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('start robot.glb (12 MiB)');
    const percents = lines
      .filter((l) => /^robot\.glb \d+%/.test(l))
      .map((l) => Number(/(\d+)%/.exec(l)![1]));
    expect(percents.at(-1)).toBe(100);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect(percents.every((p) => p % 10 === 0)).toBe(true);
    const done = lines.find((l) => l.startsWith('done robot.glb'))!;
    expect(done).toContain(`sha256 ${sha256(bytes)}`);
    const uploadId = /upload (upload_\w+)/.exec(done)![1]!;
    expect(done).toMatch(/entity model_\w+|entity asset_\w+/);
    expect(await env.storedSha(uploadId)).toBe(sha256(bytes));
    expect(out).toMatch(
      /file\s+status\s+upload id\s+entity id\s+seconds\nrobot\.glb\s+done\s+upload_/,
    );
    expect(out).toContain('1 of 1 done');
    // Finished: no state left behind.
    expect(await readdir(dir)).toEqual(['robot.glb']);
  });

  it('prints NDJSON with --json: start, throttled progress, done with ids, bytes and sha256, summary', async () => {
    const bytes = await file('manual.pdf', 3 * MiB);
    const { code, out } = await run(['manual.pdf', '--to', 'cadenya', '--json']);
    expect(code).toBe(0);
    const events = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events[0]).toEqual({ event: 'start', file: 'manual.pdf', bytes: bytes.byteLength });
    const progress = events.filter((e) => e.event === 'progress');
    expect(progress.at(-1)).toMatchObject({ loaded: bytes.byteLength, total: bytes.byteLength });
    const done = events.find((e) => e.event === 'done')!;
    expect(done).toMatchObject({
      file: 'manual.pdf',
      status: 'done',
      bytes: bytes.byteLength,
      sha256: sha256(bytes),
      uploadId: expect.stringMatching(/^upload_/),
    });
    expect(events.at(-1)).toEqual({ event: 'summary', done: 1, failed: 0, interrupted: 0 });
  });

  it('uploads a folder, filtered by globs, files in parallel; one failure does not stop the others, exit 1', async () => {
    await file('models/a.glb', 6 * MiB, 1);
    await file('models/deep/b.glb', 6 * MiB, 2);
    await file('models/skip.tmp', 1024, 3);
    await file('models/deep/c.glb', 6 * MiB, 4);
    // Storage refuses every PUT of one upload only: the one whose parts are sent to it last.
    const { code, out } = await run([
      'models',
      'missing.glb',
      '--to',
      'scenario',
      '--exclude',
      '**/*.tmp',
      '--exclude',
      'deep/c.glb',
      '--files',
      '2',
      '--concurrency',
      '3',
    ]);
    expect(code).toBe(1);
    expect(out).toMatch(/^done models\/a\.glb/m);
    expect(out).toMatch(/^done models\/deep\/b\.glb/m);
    expect(out).toMatch(/^failed missing\.glb: SourceUnreadableError/m);
    expect(out).not.toContain('skip.tmp');
    expect(out).not.toContain('c.glb');
    expect(out).toContain('2 of 3 done, 1 not');
    const table = out.slice(out.indexOf('file '));
    expect(table.split('\n').filter((l) => /\s(done|failed)\s/.test(l))).toHaveLength(3);
  });

  it('refuses usage errors with exit 2 before any request', async () => {
    await file('a.glb', 1024);
    const cases: [string[], RegExp][] = [
      [['a.glb', '--to', 'scenario', '--bogus'], /Unknown option '--bogus'/],
      [['a.glb', '--to', 'scenario', '--part-size', '3MiB'], /at least 5 MiB/],
      [['a.glb', '--to', 'nowhere'], /--to must be scenario or cadenya/],
      [['empty-dir', '--to', 'scenario'], /holds no file/],
    ];
    await mkdir(join(dir, 'empty-dir'));
    for (const [args, message] of cases) {
      const { code, err } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(err).toMatch(message);
      expect(err).toContain('upkit-upload --help');
    }
    // A Cadenya file over 5 GiB (sparse: no disk used) is refused before anything is created.
    await writeFile(join(dir, 'huge.bin'), '');
    await truncate(join(dir, 'huge.bin'), 5 * 2 ** 30 + 1);
    const huge = await run(['huge.bin', '--to', 'cadenya']);
    expect(huge.code).toBe(2);
    expect(huge.err).toMatch(
      /huge\.bin is 5(\.0)? GiB: Cadenya takes files of at most 5(\.0)? GiB/,
    );
    expect(await env.requests()).toEqual([]);
  });

  it('names the missing variable in one line, and never prints a secret', async () => {
    await file('a.glb', 1024);
    const key = process.env['CADENYA_API_KEY'];
    delete process.env['CADENYA_API_KEY'];
    try {
      const { code, err } = await run(['a.glb', '--to', 'cadenya', '--verbose']);
      expect(code).toBe(2);
      expect(err).toBe('upkit-upload: missing credential: set CADENYA_API_KEY (see --help)\n');
    } finally {
      process.env['CADENYA_API_KEY'] = key;
    }
    const { out, err } = await run(['a.glb', '--to', 'scenario', '--verbose']);
    const { scenario, cadenya } = env.sandbox.credentials;
    for (const secret of [scenario.apiKey, scenario.apiSecret, cadenya.apiKey, 'X-Amz-Signature']) {
      expect(out + err).not.toContain(secret);
    }
  });

  it('on Ctrl-C: aborts, keeps the state, prints the command that resumes, exits 130; that command sends only the missing parts', async () => {
    const bytes = await file('big.glb', 25 * MiB);
    const args = [
      'big.glb',
      '--to',
      'scenario',
      '--part-size',
      '5MiB',
      '--concurrency',
      '1',
      '--verbose',
    ];
    const t = testIo(dir);
    const running = runCli(args, t.io);
    // Ctrl-C once the first part is stored.
    await t.untilStdout(/big\.glb part 1 stored/);
    t.interrupt();
    expect(await running).toBe(130);
    expect(t.stderr()).toContain('Interrupted: stopping the uploads and saving their state');
    expect(t.stderr()).toContain(`Resume with:\n  upkit-upload ${args.join(' ')} --resume`);
    expect(t.stdout()).toMatch(/^interrupted big\.glb: interrupted; its state is saved/m);
    const [state] = await readdir(join(dir, '.upkit-upload'));
    const token = JSON.parse(await readFile(join(dir, '.upkit-upload', state!), 'utf8'));
    const stored = token.parts.map((p: { number: number }) => p.number) as number[];
    expect(stored.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(token)).not.toMatch(/https?:|Signature/);

    await env.clearRequests();
    const resumed = await run([...args, '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.out).toContain(`${stored.length} part${stored.length === 1 ? '' : 's'} resumed`);
    expect(resumed.out).toContain(`sha256 ${sha256(bytes)}`);
    // Stored by this run (the PUT cut by Ctrl-C may reach the log late, as a failed one).
    const puts = (await env.requests())
      .filter((r) => r.routeClass === 'storage' && r.method === 'PUT' && r.status === 200)
      .map((r) => r.partNumber!)
      .sort((a, b) => a - b);
    expect(puts).toEqual([1, 2, 3, 4, 5].filter((n) => !stored.includes(n)));
    // The finished upload removed its token, and the emptied state folder.
    expect(await readdir(dir)).toEqual(['big.glb']);
  });

  it('an interrupted batch resumes file by file: the started one goes on, the others start', async () => {
    const first = await file('batch/a.glb', 15 * MiB, 5);
    const second = await file('batch/b.glb', 6 * MiB, 6);
    const args = [
      'batch',
      '--to',
      'scenario',
      '--part-size',
      '5MiB',
      '--files',
      '1',
      '--concurrency',
      '1',
      '--verbose',
    ];
    const t = testIo(dir);
    const running = runCli(args, t.io);
    await t.untilStdout(/batch\/a\.glb part 1 stored/);
    t.interrupt();
    expect(await running).toBe(130);
    expect(t.stdout()).toMatch(/batch\/a\.glb\s+interrupted/);
    expect(t.stdout()).toMatch(/batch\/b\.glb\s+interrupted/);

    const again = await run(args);
    expect(again.code).toBe(0);
    const doneA = again.out.split('\n').find((l) => l.startsWith('done batch/a.glb'))!;
    const doneB = again.out.split('\n').find((l) => l.startsWith('done batch/b.glb'))!;
    expect(doneA).toMatch(/\d+ parts? resumed/);
    expect(doneA).toContain(sha256(first));
    expect(doneB).not.toContain('resumed');
    expect(doneB).toContain(sha256(second));
  });

  it('an upload whose state cannot be written still finishes, and says the state was not kept', async () => {
    const bytes = await file('a.glb', 6 * MiB);
    await writeFile(join(dir, 'not-a-folder'), 'x');
    const { code, out, err } = await run([
      'a.glb',
      '--to',
      'scenario',
      '--state-dir',
      'not-a-folder/state',
    ]);
    expect(code).toBe(0);
    expect(out).toContain(`sha256 ${sha256(bytes)}`);
    expect(err).toMatch(
      /a\.glb: could not keep resume state in .*not-a-folder\/state: Error: ENOTDIR/,
    );
  });

  it('a second Ctrl-C exits at once', async () => {
    await file('big.glb', 25 * MiB);
    const t = testIo(dir);
    const running = runCli(['big.glb', '--to', 'scenario', '--concurrency', '1'], t.io);
    await t.untilStdout(/start big\.glb/);
    t.interrupt();
    t.interrupt();
    expect(t.exits).toEqual([130]);
    expect(await running).toBe(130);
  });

  it('--resume says so for a file with nothing saved; --restart ignores what is saved', async () => {
    await file('a.glb', 15 * MiB);
    const args = ['a.glb', '--to', 'scenario', '--part-size', '5MiB', '--concurrency', '1'];
    const first = await run([...args, '--resume']);
    expect(first.code).toBe(0);
    expect(first.err).toContain('a.glb: no saved upload to resume; starting it afresh');

    const t = testIo(dir);
    const interrupted = runCli([...args, '--verbose'], t.io);
    await t.untilStdout(/a\.glb part 1 stored/);
    t.interrupt();
    expect(await interrupted).toBe(130);
    const [state] = await readdir(join(dir, '.upkit-upload'));
    const saved = JSON.parse(await readFile(join(dir, '.upkit-upload', state!), 'utf8'));
    const restarted = await run([...args, '--restart']);
    expect(restarted.code).toBe(0);
    expect(restarted.out).not.toContain('resumed');
    expect(restarted.out).not.toContain(saved.uploadId);
  });
});
