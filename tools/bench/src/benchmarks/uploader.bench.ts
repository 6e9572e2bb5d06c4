import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cadenya } from '@upkit/cadenya-client';
import { silentLogger, startSandbox, type Sandbox, type SandboxOptions } from '@upkit/sandbox';
import { build } from 'esbuild';
import { median, type Benchmark, type Measurement } from '../benchmark.js';
import type { ClientJob, ClientResult, ClientTask } from './uploader-job.js';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;
const positive = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
/** The file of the throughput, naive-loop and lib-storage rows: 1 GiB (`UPKIT_BENCH_UPLOAD_MIB`). */
const SIZE = positive('UPKIT_BENCH_UPLOAD_MIB', 1024) * MiB;
/** Rounds of those rows, each task once a round (`UPKIT_BENCH_UPLOAD_ROUNDS`). */
const ROUNDS = positive('UPKIT_BENCH_UPLOAD_ROUNDS', 5);
/** The peak-RSS flatness pair: 256 MiB against 4 GiB (`UPKIT_BENCH_SMALL_MIB`, `…_LARGE_MIB`). */
const SMALL = positive('UPKIT_BENCH_SMALL_MIB', 256) * MiB;
const LARGE = positive('UPKIT_BENCH_LARGE_MIB', 4096) * MiB;
const LARGE_ROUNDS = positive('UPKIT_BENCH_LARGE_ROUNDS', 3);
if (LARGE <= SMALL)
  throw new Error('UPKIT_BENCH_LARGE_MIB must be more than UPKIT_BENCH_SMALL_MIB');
/** Scenario parts: the uploader's defaults, 8 MiB, 4 in flight; lib-storage is given the same. */
const PART_SIZE = 8 * MiB;
const CONCURRENCY = 4;
const CONTENT_TYPE = 'application/octet-stream';
/** Every flow polls this often until processed: the uploader (`pollIntervalMs`) and the baselines. */
const POLL_MS = 10;
/** What the peak RSS must stay under, whatever the file's size. */
const RSS_BOUND = 100 * MiB + CONCURRENCY * PART_SIZE;
/** s3rver's fixed development credentials (it checks that a signature is well formed, no more). */
const S3RVER_KEY = 'S3RVER';

type Storage = 'normal' | 'discard';

const client = fileURLToPath(new URL('./uploader-client.ts', import.meta.url));

/**
 * The uploader (`@upkit/upload-uploader`, Node entry) against what moves the same bytes without
 * it, every client in a fresh `node` process of its own, so its RSS and CPU are the client's only:
 * (1) a Cadenya single PUT against `curl -T` to the same kind of presigned URL, on the sandbox's
 * normal storage and on its discard storage (bytes checked, not written); (2) a Scenario
 * multipart upload (8 MiB parts, 4 in flight) against one `curl --parallel-max 4` of the parts;
 * (3) against the loop a user writes without it (`fetch` PUTs of `Blob` slices, 4 at a time by
 * `Promise.all`; for Cadenya one `fetch` PUT of the Blob): time and peak RSS; (4) against
 * `@aws-sdk/lib-storage` uploading the same file to s3rver (another server: see the README);
 * (5) peak RSS of a 256 MiB upload against a 4 GiB one; (6) CPU seconds per GiB. Every flow is
 * timed whole: create, bytes, complete, polling every 10 ms until processed. Rounds rotate the
 * order of the tasks; the figures are medians.
 */
const bench: Benchmark = {
  name:
    `uploader against curl, fetch and lib-storage (${SIZE / MiB} MiB × ${ROUNDS} rounds; ` +
    `peak RSS ${SMALL / MiB} MiB vs ${LARGE / MiB} MiB × ${LARGE_ROUNDS})`,
  async run(): Promise<Measurement[]> {
    const dir = await mkdtemp(join(tmpdir(), 'upkit-bench-uploader-'));
    const servers: { close(): Promise<void> }[] = [];
    const warnings = new Set<string>();
    try {
      progress(`writing the files under ${dir}`);
      const main = await writeFile(join(dir, 'file.bin'), SIZE, join(dir, 'parts'));
      const small = await writeFile(join(dir, 'small.bin'), SMALL);
      const large = await writeFile(join(dir, 'large.bin'), LARGE);
      const script = await bundleClient(dir);

      const options: SandboxOptions = {
        port: 0,
        logger: silentLogger,
        requestLogLimit: 1,
        scenario: { validatingDelayMs: 0, importDelayMs: 0 },
      };
      const normal = await startSandbox(options);
      servers.push(normal);
      const discard = await startDiscardSandbox(options);
      if (discard) servers.push(discard);
      const s3 = await startS3rver(join(dir, 's3rver'));
      servers.push(s3);
      const sandboxes: Partial<Record<Storage, Sandbox>> = { normal, ...(discard && { discard }) };
      /** Where the client-side comparisons run: discard storage when there is one. */
      const storage: Storage = discard ? 'discard' : 'normal';

      let s3Checked = 0;
      const runClient = async (
        task: ClientTask,
        file: WrittenFile,
        on: Storage | 's3rver',
        verifyEtags = true,
      ): Promise<ClientResult> => {
        const sandbox = on === 's3rver' ? undefined : sandboxes[on]!;
        const job: ClientJob = {
          task,
          file: file.path,
          size: file.size,
          sha256: file.sha256,
          partSize: PART_SIZE,
          concurrency: CONCURRENCY,
          contentType: CONTENT_TYPE,
          verifyEtags,
          pollIntervalMs: POLL_MS,
          partFiles: file.parts,
          ...(sandbox && { sandbox: sandboxJob(sandbox) }),
          ...(on === 's3rver' && {
            s3: {
              endpoint: s3.url,
              bucket: 'bench',
              // One key: each upload replaces the last, so s3rver keeps one copy on disk.
              key: 'bench.bin',
              accessKeyId: S3RVER_KEY,
              secretAccessKey: S3RVER_KEY,
            },
          }),
        };
        try {
          const result = await spawnClient(script, job, warnings);
          if (on === 's3rver') await checkS3rverObject(s3.directory, file, !s3Checked++);
          return result;
        } finally {
          // The normal storage keeps every object: 1 GiB a task would fill the disk.
          if (sandbox) await removeObjects(sandbox);
        }
      };

      // The 1 GiB tasks, each once a round.
      const tasks: Record<string, () => Promise<ClientResult>> = {};
      const add = (task: ClientTask, on: Storage | 's3rver', verifyEtags = true) => {
        const key = `${task}@${on}${verifyEtags ? '' : ':no-verify'}`;
        tasks[key] ??= () => runClient(task, main, on, verifyEtags);
        return key;
      };
      const keys = {
        cadenya: (['normal', 'discard'] as const)
          .filter((s) => sandboxes[s])
          .map((s) => ({
            storage: s,
            uploader: add('uploader-cadenya', s),
            curl: add('curl-cadenya', s),
          })),
        cadenyaNaive: add('naive-cadenya', storage),
        cadenyaUploader: add('uploader-cadenya', storage),
        scenarioUploader: add('uploader-scenario', storage),
        // Without the MD5 check of each ETag: what the check costs on these 2 shared cores.
        cadenyaNoVerify: add('uploader-cadenya', storage, false),
        scenarioNoVerify: add('uploader-scenario', storage, false),
        scenarioCurl: add('curl-scenario', storage),
        scenarioNaive: add('naive-scenario', storage),
        // lib-storage's s3rver writes to disk: against the sandbox's normal storage, which does too.
        peerUploader: add('uploader-scenario', 'normal'),
        libStorage: add('lib-storage-s3', 's3rver'),
      };
      const m = await rounds(ROUNDS, tasks);
      const flat = await rounds(LARGE_ROUNDS, {
        small: () => runClient('uploader-scenario', small, storage),
        large: () => runClient('uploader-scenario', large, storage),
      });

      const mbps = (r: Medians) => SIZE / 1e6 / (r.ms / 1000);
      const mib = (bytes: number) => bytes / MiB;
      const perGiB = (cpuMs: number) => cpuMs / 1000 / (SIZE / GiB);
      const parts = Math.ceil(SIZE / PART_SIZE);
      const scenarioName = `Scenario multipart, ${parts} × ${PART_SIZE / MiB} MiB parts, ${CONCURRENCY} in flight`;
      const rows: Measurement[] = [];
      for (const c of keys.cadenya) {
        rows.push({
          name: `Cadenya single PUT, ${c.storage} storage: uploader`,
          value: mbps(m[c.uploader]!),
          unit: 'MB/s',
          baseline: { name: 'curl -T, same flow', value: mbps(m[c.curl]!) },
          target: '≥ 0.9× baseline',
        });
      }
      const curlCadenya = keys.cadenya.find((c) => c.storage === storage)!.curl;
      rows.push(
        {
          name: `Cadenya single PUT, ${storage} storage: uploader with verifyEtags: false`,
          value: mbps(m[keys.cadenyaNoVerify]!),
          unit: 'MB/s',
          baseline: { name: 'curl -T, same flow', value: mbps(m[curlCadenya]!) },
        },
        {
          name: `${scenarioName}, ${storage} storage: uploader with verifyEtags: false`,
          value: mbps(m[keys.scenarioNoVerify]!),
          unit: 'MB/s',
          baseline: {
            name: `curl --parallel-max ${CONCURRENCY} of the part files`,
            value: mbps(m[keys.scenarioCurl]!),
          },
        },
        {
          name: `${scenarioName}, ${storage} storage: uploader`,
          value: mbps(m[keys.scenarioUploader]!),
          unit: 'MB/s',
          baseline: {
            name: `curl --parallel-max ${CONCURRENCY} of the part files`,
            value: mbps(m[keys.scenarioCurl]!),
          },
          target: '≥ 0.9× baseline',
        },
        {
          name: `${scenarioName}, ${storage} storage: uploader, time`,
          value: m[keys.scenarioUploader]!.ms,
          unit: 'ms',
          baseline: {
            name: `fetch PUTs of Blob slices, Promise.all of ${CONCURRENCY}`,
            value: m[keys.scenarioNaive]!.ms,
          },
        },
        {
          name: `${scenarioName}, ${storage} storage: uploader, peak RSS`,
          value: mib(m[keys.scenarioUploader]!.peakRss),
          unit: 'MiB',
          baseline: {
            name: `fetch PUTs of Blob slices, Promise.all of ${CONCURRENCY}`,
            value: mib(m[keys.scenarioNaive]!.peakRss),
          },
        },
        {
          name: `Cadenya single PUT, ${storage} storage: uploader, time`,
          value: m[keys.cadenyaUploader]!.ms,
          unit: 'ms',
          baseline: { name: 'one fetch PUT of fs.openAsBlob', value: m[keys.cadenyaNaive]!.ms },
        },
        {
          name: `Cadenya single PUT, ${storage} storage: uploader, peak RSS`,
          value: mib(m[keys.cadenyaUploader]!.peakRss),
          unit: 'MiB',
          baseline: {
            name: 'one fetch PUT of fs.openAsBlob',
            value: mib(m[keys.cadenyaNaive]!.peakRss),
          },
        },
        {
          name: `${scenarioName}: uploader to the sandbox (normal storage)`,
          value: mbps(m[keys.peerUploader]!),
          unit: 'MB/s',
          baseline: {
            name: '@aws-sdk/lib-storage to s3rver (another server)',
            value: mbps(m[keys.libStorage]!),
          },
        },
        {
          name: `${scenarioName}: uploader to the sandbox (normal storage), peak RSS`,
          value: mib(m[keys.peerUploader]!.peakRss),
          unit: 'MiB',
          baseline: {
            name: '@aws-sdk/lib-storage to s3rver',
            value: mib(m[keys.libStorage]!.peakRss),
          },
        },
        {
          name: `uploader peak RSS, Scenario upload of ${LARGE / MiB} MiB, ${storage} storage`,
          value: mib(flat['large']!.peakRss),
          unit: 'MiB',
          baseline: { name: `the same of ${SMALL / MiB} MiB`, value: mib(flat['small']!.peakRss) },
          target: `≤ 1.1× baseline, and ≤ ${mib(RSS_BOUND)} MiB (100 MiB + ${CONCURRENCY} × ${PART_SIZE / MiB} MiB)`,
        },
        {
          name: `uploader CPU per GiB beyond the first ${SMALL / MiB} MiB (the ${LARGE / MiB} MiB upload less the ${SMALL / MiB} MiB one)`,
          value: (flat['large']!.cpuMs - flat['small']!.cpuMs) / 1000 / ((LARGE - SMALL) / GiB),
          unit: 's/GiB',
        },
        {
          name: `uploader CPU, ${scenarioName}`,
          value: perGiB(m[keys.scenarioUploader]!.cpuMs),
          unit: 's/GiB',
          baseline: { name: 'curl (its own CPU)', value: perGiB(m[keys.scenarioCurl]!.childCpuMs) },
        },
        {
          name: 'uploader CPU, Cadenya single PUT',
          value: perGiB(m[keys.cadenyaUploader]!.cpuMs),
          unit: 's/GiB',
          baseline: {
            name: 'curl (its own CPU)',
            value: perGiB(m[curlCadenya]!.childCpuMs),
          },
        },
        {
          name: `uploader CPU, ${scenarioName} (normal storage)`,
          value: perGiB(m[keys.peerUploader]!.cpuMs),
          unit: 's/GiB',
          baseline: { name: '@aws-sdk/lib-storage', value: perGiB(m[keys.libStorage]!.cpuMs) },
        },
      );
      const notes = [
        discard
          ? 'discard storage: used (the client-side rows run on it)'
          : 'discard storage: not in this sandbox (no `discardObjects`): its rows are left out, the client-side rows run on the normal storage',
        `peak RSS: ${m[keys.scenarioUploader]!.peakFrom === 'VmHWM' ? "the kernel's high-water mark (VmHWM), reset just before the task" : 'sampled every 5 ms'}; ` +
          `a client process holds ${mib(m[keys.scenarioUploader]!.startRss).toFixed(0)} MiB before it starts`,
        `uploader at ${LARGE / MiB} MiB: ${(LARGE / 1e6 / (flat['large']!.ms / 1000)).toFixed(0)} MB/s; at ${SMALL / MiB} MiB: ${(SMALL / 1e6 / (flat['small']!.ms / 1000)).toFixed(0)} MB/s`,
        ...[...warnings].map((w) => `client stderr: ${w}`),
      ];
      for (const note of notes) process.stdout.write(`note: ${note}\n`);
      return rows;
    } finally {
      for (const server of servers.reverse()) await server.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    }
  },
};
export default bench;

interface Medians {
  ms: number;
  peakRss: number;
  cpuMs: number;
  childCpuMs: number;
  startRss: number;
  peakFrom: ClientResult['peakFrom'];
}

/** Each task once a round, every round starting one task further on; the median of each figure. */
async function rounds(
  count: number,
  tasks: Record<string, () => Promise<ClientResult>>,
): Promise<Record<string, Medians>> {
  const names = Object.keys(tasks);
  const results = new Map<string, ClientResult[]>(names.map((name) => [name, []]));
  for (let round = 0; round < count; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!;
      const result = await tasks[name]!();
      results.get(name)!.push(result);
      progress(
        `round ${round + 1}/${count} ${name}: ${(result.ms / 1000).toFixed(2)} s, ` +
          `peak RSS ${(result.peakRss / MiB).toFixed(0)} MiB, CPU ${(result.cpuMs / 1000).toFixed(2)} s` +
          (result.childCpuMs ? ` (curl ${(result.childCpuMs / 1000).toFixed(2)} s)` : ''),
      );
    }
  }
  const medians: Record<string, Medians> = {};
  for (const [name, list] of results) {
    const of = (field: 'ms' | 'peakRss' | 'cpuMs' | 'childCpuMs' | 'startRss') =>
      median(list.map((r) => r[field]));
    medians[name] = {
      ms: of('ms'),
      peakRss: of('peakRss'),
      cpuMs: of('cpuMs'),
      childCpuMs: of('childCpuMs'),
      startRss: of('startRss'),
      peakFrom: list[0]!.peakFrom,
    };
  }
  return medians;
}

function progress(line: string): void {
  process.stderr.write(`  [uploader] ${line}\n`);
}

interface WrittenFile {
  path: string;
  size: number;
  sha256: string;
  /** The same bytes as part files, for curl (which sends whole files only). */
  parts?: string[];
}

/** Writes `size` bytes (a random MiB, each copy stamped with its index), and the parts if asked. */
async function writeFile(path: string, size: number, partsDir?: string): Promise<WrittenFile> {
  const block = randomBytes(MiB);
  const hash = createHash('sha256');
  const parts: string[] = [];
  if (partsDir) await mkdir(partsDir, { recursive: true });
  const whole = await open(path, 'w');
  try {
    for (let offset = 0; offset < size; offset += PART_SIZE) {
      const part = partsDir ? await open(join(partsDir, `part-${parts.length + 1}`), 'w') : null;
      if (partsDir) parts.push(join(partsDir, `part-${parts.length + 1}`));
      try {
        for (let at = offset; at < Math.min(size, offset + PART_SIZE); at += MiB) {
          const chunk = block.subarray(0, Math.min(MiB, size - at));
          chunk.writeUInt32BE(at / MiB, 0);
          hash.update(chunk);
          await whole.write(chunk);
          await part?.write(chunk);
        }
      } finally {
        await part?.close();
      }
    }
  } finally {
    await whole.close();
  }
  return { path, size, sha256: hash.digest('hex'), ...(partsDir && { parts }) };
}

/**
 * The client script and everything it imports in one file run by plain `node`: no tsx loader (and
 * its worker thread) in the measured process. Workspace packages come from their `src/`; the AWS
 * SDK is a chunk of its own, loaded by the lib-storage task only.
 */
async function bundleClient(dir: string): Promise<string> {
  const outdir = join(dir, 'client');
  await build({
    entryPoints: { client },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: ['@upkit/source'],
    // The ESM builds, where packages have them: dynamic imports of the CommonJS ones lose their
    // named exports.
    mainFields: ['module', 'main'],
    // The AWS SDK's CommonJS modules require Node's built-ins.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  return join(outdir, 'client.mjs');
}

/** Runs one task in a fresh `node` process; its stderr lines (warnings) are collected. */
function spawnClient(script: string, job: ClientJob, warnings: Set<string>): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, JSON.stringify(job)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      for (const line of err.split('\n')) {
        // Node's hint on how to trace a warning is the same every time.
        if (line.trim() && !line.includes('--trace-warnings'))
          warnings.add(`${job.task}: ${line.trim()}`);
      }
      if (status !== 0) return reject(new Error(`${job.task} exited ${status}: ${err}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)!) as ClientResult);
      } catch {
        reject(new Error(`${job.task} printed no result: ${out} ${err}`));
      }
    });
  });
}

function sandboxJob(sandbox: Sandbox): NonNullable<ClientJob['sandbox']> {
  const { scenario, cadenya } = sandbox.credentials;
  return {
    scenarioBaseUrl: sandbox.scenarioBaseUrl,
    cadenyaBaseUrl: sandbox.cadenyaBaseUrl,
    scenario: {
      apiKey: scenario.apiKey,
      apiSecret: scenario.apiSecret,
      projectId: scenario.projectId,
    },
    cadenya: { apiKey: cadenya.apiKey, workspaceId: cadenya.workspaceId },
  };
}

/** Deletes the stored objects' files (the bench's own temporary sandbox; nothing reads them again). */
async function removeObjects(sandbox: Sandbox): Promise<void> {
  const objects = join(sandbox.dataDir, 'objects');
  for (const entry of await readdir(objects)) {
    await rm(join(objects, entry), { recursive: true, force: true });
  }
}

/** Total bytes of the files under a directory. */
async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true })) {
    const info = await stat(join(dir, entry));
    if (info.isFile()) total += info.size;
  }
  return total;
}

/**
 * A sandbox on the discard storage (`discardObjects`, which checks signatures and lengths but
 * writes no bytes), or undefined when this sandbox has no such mode: a probe PUT of 64 KiB must
 * leave no object bytes in its data directory.
 */
async function startDiscardSandbox(options: SandboxOptions): Promise<Sandbox | undefined> {
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({ ...options, ...{ discardObjects: true } } as SandboxOptions);
  } catch (error) {
    // A sandbox that checks its options refuses one it does not know.
    if (error instanceof Error && error.message.includes('"discardObjects"')) return undefined;
    throw error;
  }
  try {
    const { apiKey, workspaceId } = sandbox.credentials.cadenya;
    const cadenya = new Cadenya({ baseURL: sandbox.cadenyaBaseUrl, apiKey, workspaceId });
    const probe = 64 * 1024;
    const created = await cadenya.uploads.create({
      metadata: { name: 'probe' },
      spec: { filename: 'probe.bin', contentType: CONTENT_TYPE, sizeBytes: probe },
    });
    const res = await fetch(created.info.uploadUrl, {
      method: 'PUT',
      headers: { 'content-type': CONTENT_TYPE },
      body: new Uint8Array(probe),
    });
    if (!res.ok) throw new Error(`discard probe PUT: ${res.status} ${await res.text()}`);
    if ((await bytesUnder(join(sandbox.dataDir, 'objects'))) < probe) return sandbox;
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  await sandbox.close();
  return undefined;
}

/**
 * s3rver stores what it is sent, checking nothing: the object must have the file's size (not, say,
 * `aws-chunked` framing with a checksum trailer), and once its bytes.
 */
async function checkS3rverObject(
  directory: string,
  file: WrittenFile,
  bytesToo: boolean,
): Promise<void> {
  const path = join(directory, 'bench', 'bench.bin._S3rver_object');
  const { size } = await stat(path);
  if (size !== file.size) throw new Error(`s3rver stored ${size} bytes of ${file.size}`);
  if (!bytesToo) return;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  if (hash.digest('hex') !== file.sha256) throw new Error('s3rver stored other bytes');
}

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
  httpServer?: { closeAllConnections(): void };
}
type S3rverClass = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string; configs: string[] }[];
}) => S3rverInstance;

/** s3rver (CommonJS, untyped) on a free port, with the bucket `bench`, storing under `directory`. */
async function startS3rver(
  directory: string,
): Promise<{ url: string; directory: string; close(): Promise<void> }> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: 'bench', configs: [] }],
  });
  const { port } = await server.run();
  return {
    url: `http://127.0.0.1:${port}`,
    directory,
    close: async () => {
      server.httpServer?.closeAllConnections();
      await server.close();
    },
  };
}
