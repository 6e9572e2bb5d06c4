// upkit-upload as a person runs it: a real process killed with SIGKILL and resumed, and the live
// display under a pseudo-terminal. The sandbox runs as its own process with a --data-dir.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { clientEnvironment, DEFAULT_CREDENTIALS } from '@upkit/sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  spawnSandbox,
  spawnUploadCli,
  spawnUploadCliInTerminal,
  stop,
  type Child,
} from '../testing/cli-process.js';
import { fileBytes, sha256 } from '../testing/test-bytes.js';

const MiB = 2 ** 20;
// Each test starts processes from source (tsx): generous, as a hang guard only.
const LIMIT = 120_000;

let dir: string;
const children: Child[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'upkit-cli-process-'));
});
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => stop(c)));
  await rm(dir, { recursive: true, force: true });
});

const sandboxArgs = (dataDir: string) => [
  '--data-dir',
  dataDir,
  '--validating-delay-ms',
  '10',
  '--import-delay-ms',
  '10',
];

const envFor = (url: string) =>
  clientEnvironment(
    { scenarioBaseUrl: `${url}/scenario/v1`, cadenyaBaseUrl: `${url}/cadenya` },
    DEFAULT_CREDENTIALS,
  );

async function storagePuts(url: string): Promise<{ partNumber?: number; status: number }[]> {
  const res = await fetch(`${url}/_sandbox/requests`);
  const { requests } = (await res.json()) as {
    requests: { routeClass: string; method: string; partNumber?: number; status: number }[];
  };
  return requests.filter((r) => r.routeClass === 'storage' && r.method === 'PUT');
}

describe('upkit-upload in a process', () => {
  it(
    'killed with SIGKILL mid-transfer, then --resume sends only the missing parts (the sandbox keeps its state in --data-dir)',
    async () => {
      const dataDir = join(dir, 'sandbox-data');
      const bytes = fileBytes(64 * MiB, 9);
      await writeFile(join(dir, 'video.glb'), bytes);
      let sandbox = await spawnSandbox(sandboxArgs(dataDir));
      children.push(sandbox);
      // 8 parts of 8 MiB, one at a time, so that the kill lands between parts.
      const args = ['video.glb', '--to', 'scenario', '--concurrency', '1', '--verbose'];
      const first = spawnUploadCli(args, { cwd: dir, env: envFor(sandbox.url) });
      children.push(first);
      await first.waitFor(/part 3 stored/, LIMIT);
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      // The machine "crashes" too: the sandbox is killed and started again on its data.
      await stop(sandbox);
      sandbox = await spawnSandbox(sandboxArgs(dataDir));
      children.push(sandbox);

      const [state] = await readdir(join(dir, '.upkit-upload'));
      const token = JSON.parse(await readFile(join(dir, '.upkit-upload', state!), 'utf8'));
      const saved = (token.parts as { number: number }[]).map((p) => p.number);
      // Written after each part (the newest write may be lost with the process: that part is sent again).
      expect(saved.length).toBeGreaterThanOrEqual(1);
      expect(saved.length).toBeLessThan(8);

      const resumed = spawnUploadCli([...args, '--resume'], { cwd: dir, env: envFor(sandbox.url) });
      children.push(resumed);
      expect(await resumed.exited, resumed.output()).toBe(0);
      expect(resumed.output()).toContain(
        `${saved.length} part${saved.length === 1 ? '' : 's'} resumed`,
      );
      expect(resumed.output()).toContain(`sha256 ${sha256(bytes)}`);
      expect(resumed.output()).toContain(`upload ${token.uploadId}`);
      // This sandbox process has seen only the resumed run: its PUTs are exactly the missing parts.
      const puts = await storagePuts(sandbox.url);
      expect(puts.every((p) => p.status === 200)).toBe(true);
      expect(puts.map((p) => p.partNumber).sort((a, b) => a! - b!)).toEqual(
        [1, 2, 3, 4, 5, 6, 7, 8].filter((n) => !saved.includes(n)),
      );
      const objects = (await (await fetch(`${sandbox.url}/_sandbox/objects`)).json()) as {
        objects: { key: string; sha256: string }[];
      };
      expect(objects.objects.find((o) => o.key.includes(token.uploadId))?.sha256).toBe(
        sha256(bytes),
      );
      // Done: the token and the emptied state folder are gone.
      expect(await readdir(dir)).toEqual(['sandbox-data', 'video.glb'].sort());
    },
    LIMIT * 3,
  );

  it(
    'on a terminal, draws the live display, ending on a 100% frame, and the summary',
    async () => {
      const sandbox = await spawnSandbox(sandboxArgs(join(dir, 'sandbox-data')));
      children.push(sandbox);
      await writeFile(join(dir, 'a.glb'), fileBytes(24 * MiB, 1));
      await writeFile(join(dir, 'b.glb'), fileBytes(12 * MiB, 2));
      const cli = spawnUploadCliInTerminal(['a.glb', 'b.glb', '--to', 'scenario'], {
        cwd: dir,
        env: envFor(sandbox.url),
      });
      children.push(cli);
      expect(await cli.exited, cli.output()).toBe(0);
      // What a terminal shows: frames redrawn in place (cursor moves), then the summary.
      const raw = cli.output();
      expect(raw).not.toBe(stripVTControlCharacters(raw));
      const plain = stripVTControlCharacters(raw);
      const frames = plain.split(/\r|\n/).filter((l) => l.startsWith('total ('));
      expect(frames.length).toBeGreaterThan(1);
      expect(frames.at(-1)).toMatch(/^total \(2\/2 files\)\s+█{24}\s+100% 36 MiB\/36 MiB/);
      expect(plain).toMatch(/^done a\.glb in [\d.]+ s: upload upload_\w+, entity model_\w+/m);
      expect(plain).toMatch(/2 of 2 done/);
    },
    LIMIT,
  );
});
