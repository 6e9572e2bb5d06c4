import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { silentLogger, startSandbox, type Sandbox, type SandboxOptions } from '@upkit/sandbox';
import { median, type Benchmark, type Measurement } from '../benchmark.js';

const MiB = 1024 ** 2;
const positive = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
/** The file's size: 1 GiB, or `UPKIT_BENCH_SANDBOX_MIB` MiB for a quick run. */
const SIZE = positive('UPKIT_BENCH_SANDBOX_MIB', 1024) * MiB;
/** Scenario parts: the uploader's defaults, 8 MiB, 4 in flight. */
const PART_SIZE = Math.min(SIZE, positive('UPKIT_BENCH_SANDBOX_PART_MIB', 8) * MiB);
const CONCURRENCY = 4;
const ROUNDS = positive('UPKIT_BENCH_SANDBOX_ROUNDS', 3);
const CONTENT_TYPE = 'application/octet-stream';

/**
 * The sandbox's storage against what the client side can send: `curl -T` of one file to a minimal
 * node http server that discards the bytes (the baseline), and to one that only writes them to a
 * file (what any storage must at least do); then to the sandbox's presigned URLs, on its normal
 * storage and on its discard storage (`discardObjects`); then a Scenario upload end to end
 * (create, the parts by curl, 4 at a time, complete, until the upload leaves `validating`) against
 * a single PUT of the same file. Rounds alternate the order; the figures are medians.
 */
const bench: Benchmark = {
  name: `sandbox storage throughput (${SIZE / MiB} MiB, ${ROUNDS} rounds)`,
  async run(): Promise<Measurement[]> {
    const dir = await mkdtemp(join(tmpdir(), 'upkit-bench-sandbox-'));
    const servers: { close(): Promise<void> }[] = [];
    try {
      const file = join(dir, 'file.bin');
      const parts = await writeFile(file, dir);
      const discardSink = await sinkServer(async (req) => {
        req.resume();
        await new Promise((resolve) => req.once('end', resolve));
      });
      servers.push(discardSink);
      let sunk = 0;
      const writeSink = await sinkServer(async (req) => {
        await pipeline(req, createWriteStream(join(dir, `sink-${sunk++ % 2}`)));
      });
      servers.push(writeSink);
      const options: SandboxOptions = { port: 0, logger: silentLogger, requestLogLimit: 1 };
      const normal = await startSandbox({ ...options, scenario: { validatingDelayMs: 0 } });
      servers.push(normal);
      const discard = await startSandbox({
        ...options,
        scenario: { validatingDelayMs: 0 },
        discardObjects: true,
      });
      servers.push(discard);
      const normalUrl = await cadenyaUrl(normal);
      const discardUrl = await cadenyaUrl(discard);

      const tasks = {
        discardSink: () => curlPut([{ file, url: discardSink.url }]),
        writeSink: () => curlPut([{ file, url: writeSink.url }]),
        normalPut: () => curlPut([{ file, url: normalUrl }], { 'content-type': CONTENT_TYPE }),
        discardPut: () => curlPut([{ file, url: discardUrl }], { 'content-type': CONTENT_TYPE }),
        normalScenario: () => scenarioEndToEnd(normal, parts),
        discardScenario: () => scenarioEndToEnd(discard, parts),
      };
      const times = await rounds(ROUNDS, tasks);
      const mbps = (ms: number) => SIZE / 1e6 / (ms / 1000);
      const discardSinkRow = {
        name: 'curl -T to a node server discarding the body',
        value: mbps(times.discardSink),
      };
      // Issue 12's target compares storage with a server that only writes the bytes to a file.
      const writeSinkRow = {
        name: 'curl -T to a node server writing the body to a file',
        value: mbps(times.writeSink),
      };
      const throughput = (
        name: string,
        ms: number,
        baseline: { name: string; value: number },
        target?: string,
      ): Measurement => ({
        name,
        value: mbps(ms),
        unit: 'MB/s',
        baseline,
        ...(target ? { target } : {}),
      });
      const endToEnd = (name: string, ms: number, single: number, singleName: string) => ({
        name,
        value: ms,
        unit: 'ms',
        baseline: { name: singleName, value: single },
        target: '≤ 1.3× baseline',
      });
      return [
        throughput(writeSinkRow.name, times.writeSink, discardSinkRow),
        throughput(
          'curl -T to a sandbox upload URL, normal storage',
          times.normalPut,
          writeSinkRow,
          '≥ 0.8× baseline',
        ),
        throughput(
          'curl -T to a sandbox upload URL, discard storage',
          times.discardPut,
          writeSinkRow,
          '≥ 0.8× baseline',
        ),
        endToEnd(
          `Scenario end to end, ${parts.length} parts, normal storage`,
          times.normalScenario,
          times.normalPut,
          'single PUT, normal storage',
        ),
        endToEnd(
          `Scenario end to end, ${parts.length} parts, discard storage`,
          times.discardScenario,
          times.discardPut,
          'single PUT, discard storage',
        ),
      ];
    } finally {
      for (const server of servers) await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
export default bench;

/** Median time (ms) of each task; each round runs every task once, starting one further on. */
async function rounds<K extends string>(
  count: number,
  tasks: Record<K, () => Promise<void>>,
): Promise<Record<K, number>> {
  const names = Object.keys(tasks) as K[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<
    K,
    number[]
  >;
  for (let round = 0; round < count; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!;
      const started = performance.now();
      await tasks[name]();
      times[name].push(performance.now() - started);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(times[name])])) as Record<K, number>;
}

/** Writes the file and its parts (separate files: curl sends whole files only). */
async function writeFile(file: string, dir: string): Promise<string[]> {
  const block = randomBytes(MiB);
  const whole = await open(file, 'w');
  const parts: string[] = [];
  try {
    for (let offset = 0; offset < SIZE; offset += PART_SIZE) {
      const path = join(dir, `part-${parts.length + 1}`);
      parts.push(path);
      const part = await open(path, 'w');
      try {
        for (let at = offset; at < Math.min(SIZE, offset + PART_SIZE); at += MiB) {
          const chunk = block.subarray(0, Math.min(MiB, SIZE - at));
          chunk.writeUInt32BE(at / MiB, 0);
          await whole.write(chunk);
          await part.write(chunk);
        }
      } finally {
        await part.close();
      }
    }
  } finally {
    await whole.close();
  }
  return parts;
}

/** `curl -T`, several transfers at once when given several: every answer must be 200. */
function curlPut(
  transfers: readonly { file: string; url: string }[],
  headers: Record<string, string> = {},
): Promise<void> {
  const args = ['-sS', '-H', 'Expect:', '-w', '%{http_code}\\n'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  if (transfers.length > 1) args.push('--parallel', '--parallel-max', String(CONCURRENCY));
  for (const { file, url } of transfers) args.push('-T', file, '-o', '/dev/null', url);
  return new Promise((resolve, reject) => {
    execFile('curl', args, (error, stdout) => {
      const codes = stdout.trim().split('\n');
      if (error) reject(error);
      else if (codes.length !== transfers.length || codes.some((code) => code !== '200'))
        reject(new Error(`curl answers: ${codes.join(' ')}`));
      else resolve();
    });
  });
}

/** A node http server that answers 200 once `consume` has taken the body. */
async function sinkServer(
  consume: (req: IncomingMessage) => Promise<void>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    consume(req).then(
      () => res.writeHead(200).end(),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sink`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function call<T>(url: string, auth: string, method: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: auth,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A Cadenya upload URL for the whole file (PUT to it again and again: each replaces the last). */
async function cadenyaUrl(sandbox: Sandbox): Promise<string> {
  const { apiKey, workspaceId } = sandbox.credentials.cadenya;
  const created = await call<{ info: { uploadUrl: string } }>(
    `${sandbox.cadenyaBaseUrl}/v1/workspaces/${workspaceId}/uploads`,
    `Bearer ${apiKey}`,
    'POST',
    {
      metadata: { name: 'bench' },
      spec: { filename: 'bench.bin', contentType: CONTENT_TYPE, sizeBytes: String(SIZE) },
    },
  );
  return created.info.uploadUrl;
}

interface ScenarioUpload {
  upload: { id: string; status: string; errorMessage?: string; parts?: { url: string }[] };
}

/** Create, the parts 4 at a time, complete, then poll until validation has assembled the file. */
async function scenarioEndToEnd(sandbox: Sandbox, parts: readonly string[]): Promise<void> {
  const { apiKey, apiSecret } = sandbox.credentials.scenario;
  const auth = `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`;
  const base = `${sandbox.scenarioBaseUrl}/uploads`;
  const { upload } = await call<ScenarioUpload>(base, auth, 'POST', {
    fileName: 'bench.bin',
    contentType: CONTENT_TYPE,
    fileSize: SIZE,
    parts: parts.length,
    kind: 'asset',
  });
  await curlPut(upload.parts!.map((part, i) => ({ file: parts[i]!, url: part.url })));
  await call(`${base}/${upload.id}/action`, auth, 'POST', { action: 'complete' });
  for (;;) {
    const { upload: now } = await call<ScenarioUpload>(`${base}/${upload.id}`, auth, 'GET');
    if (now.status === 'failed') throw new Error(`Scenario upload failed: ${now.errorMessage}`);
    if (now.status !== 'validating') return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
