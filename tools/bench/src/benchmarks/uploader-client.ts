// The client side of uploader.bench.ts. It runs in a process of its own (bundled by esbuild, run
// by plain `node`), so that the memory and CPU it reports are the client's alone: not the
// sandbox's, not s3rver's, not the bench's, not tsx's. One task per process, told by a JSON
// argument; it prints one JSON line (ClientResult) and exits.
import { spawn } from 'node:child_process';
import { createReadStream, openAsBlob, readFileSync, writeFileSync } from 'node:fs';
import { Cadenya } from '@upkit/cadenya-client';
import { Scenario } from '@upkit/scenario-client';
import { cadenyaTarget, scenarioTarget, upload } from '@upkit/upload-uploader';
import type { ClientJob, ClientResult } from './uploader-job.js';

const task = await prepare(JSON.parse(process.argv[2] ?? '') as ClientJob);

const startRss = process.memoryUsage.rss();
const kernelPeak = resetPeakRss();
let sampledPeak = startRss;
const sampler = setInterval(() => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
}, 5);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const childCpuMs = await task();
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);
sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
const peak = kernelPeak ? peakRss() : undefined;
const result: ClientResult = {
  ms,
  startRss,
  peakRss: Math.max(peak ?? 0, sampledPeak),
  peakFrom: peak === undefined ? 'sampled' : 'VmHWM',
  cpuMs: (cpu.user + cpu.system) / 1000,
  childCpuMs,
};
process.stdout.write(JSON.stringify(result) + '\n');
// Keep-alive sockets and the SDK's agents would hold the process open.
process.exit(0);

/**
 * Sets up the clients (not timed) and returns the timed task, which resolves to curl's CPU ms.
 * Only the lib-storage task loads the AWS SDK (the bundle splits at its import): every other
 * process holds the same code.
 */
async function prepare(job: ClientJob): Promise<() => Promise<number>> {
  const { file, size, partSize, concurrency, contentType, pollIntervalMs } = job;
  const name = 'bench.bin';
  const checked = (result: { bytes: number; sha256: string }) => {
    if (result.bytes !== size || result.sha256 !== job.sha256)
      throw new Error(`the uploader sent ${result.bytes} bytes, sha256 ${result.sha256}`);
    return 0;
  };
  if (job.task === 'lib-storage-s3') {
    const s3 = job.s3!;
    const { S3Client } = await import('@aws-sdk/client-s3');
    const { Upload } = await import('@aws-sdk/lib-storage');
    const client = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
    return async () => {
      // What its README shows: a stream body, the part size and queue size given.
      const upload = new Upload({
        client,
        params: {
          Bucket: s3.bucket,
          Key: s3.key,
          Body: createReadStream(file),
          ContentType: contentType,
        },
        partSize,
        queueSize: concurrency,
      });
      await upload.done();
      return 0;
    };
  }
  const sandbox = job.sandbox!;
  if (job.task.endsWith('-cadenya')) {
    const cadenya = new Cadenya({ baseURL: sandbox.cadenyaBaseUrl, ...sandbox.cadenya });
    if (job.task === 'uploader-cadenya') {
      return async () =>
        checked(
          await upload(cadenyaTarget(cadenya, { pollIntervalMs }), file, {
            contentType,
            verifyEtags: job.verifyEtags,
          }),
        );
    }
    const put = job.task === 'curl-cadenya' ? curlPut : fetchPut;
    return async () => {
      const created = await cadenya.uploads.create({
        metadata: { name },
        spec: { filename: name, contentType, sizeBytes: size },
      });
      const cpu = await put([{ file, url: created.info.uploadUrl }], contentType, concurrency);
      await cadenya.uploads.waitUntilComplete(created.metadata.id, { intervalMs: pollIntervalMs });
      return cpu;
    };
  }
  const scenario = new Scenario({ baseURL: sandbox.scenarioBaseUrl, ...sandbox.scenario });
  if (job.task === 'uploader-scenario') {
    return async () =>
      checked(
        await upload(scenarioTarget(scenario, { kind: 'model', pollIntervalMs }), file, {
          partSize,
          concurrency,
          contentType,
          verifyEtags: job.verifyEtags,
        }),
      );
  }
  return async () => {
    const parts = Math.ceil(size / partSize);
    const { upload: created } = await scenario.uploads.create({
      fileName: name,
      contentType,
      fileSize: size,
      parts,
      kind: 'model',
    });
    const urls = [...(created.parts ?? [])].sort((a, b) => a.number - b.number);
    if (urls.length !== parts) throw new Error(`Scenario gave ${urls.length} part URLs`);
    let cpu = 0;
    if (job.task === 'curl-scenario') {
      const partFiles = job.partFiles!;
      const transfers = urls.map((part) => ({ file: partFiles[part.number - 1]!, url: part.url }));
      cpu = await curlPut(transfers, contentType, concurrency);
    } else {
      const blob = await openAsBlob(file);
      const transfers = urls.map((part) => {
        const start = (part.number - 1) * partSize;
        return { file: blob.slice(start, Math.min(size, start + partSize)), url: part.url };
      });
      await fetchPut(transfers, contentType, concurrency);
    }
    await scenario.uploads.complete(created.id);
    await scenario.uploads.waitForProcessing(created.id, { intervalMs: pollIntervalMs });
    return cpu;
  };
}

/**
 * `curl -T` of each file to its URL, `concurrency` at a time (`--parallel`) when there are
 * several; every answer must be 200. `Expect:` is sent empty, so that curl does not wait for a
 * `100 Continue` first. Resolves to curl's CPU time (user + system, ms), read from bash's `times`.
 */
function curlPut(
  transfers: readonly { file: string; url: string }[],
  contentType: string,
  concurrency: number,
): Promise<number> {
  const args = ['-sS', '-H', 'Expect:', '-H', `Content-Type: ${contentType}`];
  args.push('-w', '%{http_code}\\n');
  if (transfers.length > 1) args.push('--parallel', '--parallel-max', String(concurrency));
  for (const { file, url } of transfers) args.push('-T', file, '-o', '/dev/null', url);
  return new Promise((resolve, reject) => {
    // `times` prints the shell's CPU time, then its children's: curl's.
    const script = 'curl "$@"; status=$?; times >&3; exit $status';
    const child = spawn('bash', ['-c', script, 'bash', ...args], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    const out: Record<'codes' | 'errors' | 'times', string> = { codes: '', errors: '', times: '' };
    child.stdout!.on('data', (chunk: Buffer) => (out.codes += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (out.errors += chunk.toString()));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
      out.times += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (status) => {
      const codes = out.codes.trim().split('\n');
      if (status !== 0) return reject(new Error(`curl exited ${status}: ${out.errors}`));
      if (codes.length !== transfers.length || codes.some((code) => code !== '200'))
        return reject(new Error(`curl answers: ${codes.join(' ')} ${out.errors}`));
      const children = out.times.trim().split('\n')[1] ?? '';
      const times = [...children.matchAll(/(\d+)m([\d.]+)s/g)];
      if (times.length !== 2) return reject(new Error(`cannot read curl's CPU time: ${out.times}`));
      resolve(times.reduce((sum, [, m, s]) => sum + (Number(m) * 60 + Number(s)) * 1000, 0));
    });
  });
}

/** What a user writes without the uploader: `fetch` PUTs, `concurrency` at a time by `Promise.all`. */
async function fetchPut(
  transfers: readonly { file: Blob | string; url: string }[],
  contentType: string,
  concurrency: number,
): Promise<number> {
  for (let at = 0; at < transfers.length; at += concurrency) {
    await Promise.all(
      transfers.slice(at, at + concurrency).map(async ({ file, url }) => {
        const body = typeof file === 'string' ? await openAsBlob(file) : file;
        const res = await fetch(url, {
          method: 'PUT',
          headers: { 'content-type': contentType },
          body,
        });
        if (!res.ok) throw new Error(`PUT ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      }),
    );
  }
  return 0;
}

/** Resets the kernel's peak RSS (VmHWM) to the current RSS; false where it cannot (not Linux). */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return peakRss() !== undefined;
  } catch {
    return false;
  }
}

function peakRss(): number | undefined {
  const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kb === undefined ? undefined : Number(kb) * 1024;
}
