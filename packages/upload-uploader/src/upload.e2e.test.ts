import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cadenyaTarget,
  ConcurrencyError,
  PartSizeError,
  resumeTokenOf,
  scenarioTarget,
  SourceIsDirectoryError,
  SourceUnreadableError,
  UnknownSizeError,
  upload,
  UploadAbortedError,
  UploadSizeError,
  type ResumeToken,
  type UploadInput,
  type UploadProgress,
} from './node/index.js';
import { fileBytes, sha256 } from './testing/test-bytes.js';
import { startUploaderSandbox } from './testing/uploader-sandbox.js';

const KiB = 1024;

let env: Awaited<ReturnType<typeof startUploaderSandbox>>;
let dir: string;

beforeAll(async () => {
  env = await startUploaderSandbox();
  dir = await mkdtemp(join(tmpdir(), 'upkit-uploader-'));
});
afterAll(async () => {
  await env?.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  env.sandbox.setFaults({});
  await env.clearRequests();
});

const scenario = () =>
  scenarioTarget(env.scenario, { kind: 'model', minPartSize: KiB, pollIntervalMs: 10 });
const cadenya = () => cadenyaTarget(env.cadenya, { pollIntervalMs: 10 });

/** Each kind of source, made afresh (a stream is read once). */
async function sources(bytes: Uint8Array): Promise<[string, () => UploadInput][]> {
  const path = join(dir, `robot-${bytes.byteLength}.glb`);
  await writeFile(path, bytes);
  return [
    ['a file path', () => path],
    ['a Blob', () => new Blob([bytes.slice()], { type: 'model/gltf-binary' })],
    ['a Uint8Array', () => bytes],
    [
      'a Node Readable with its size',
      () => ({
        stream: Readable.from([Buffer.from(bytes)]),
        size: bytes.byteLength,
        name: 'robot.glb',
      }),
    ],
    [
      'a web ReadableStream with its size',
      () => ({
        stream: new Blob([bytes.slice()]).stream(),
        size: bytes.byteLength,
        name: 'robot.glb',
      }),
    ],
  ];
}

describe('upload() against the sandbox', () => {
  const bytes = fileBytes(10 * KiB + 123);

  it('sends a Scenario multipart upload bit-exact from every kind of source, with no credentials to storage', async () => {
    for (const [name, make] of await sources(bytes)) {
      await env.clearRequests();
      const result = await upload(scenario(), make(), {
        partSize: 2 * KiB,
        concurrency: 3,
        name: 'robot.glb',
      });
      expect(result.sha256, name).toBe(sha256(bytes));
      expect(await env.storedSha(result.uploadId), name).toBe(result.sha256);
      expect(result).toMatchObject({
        target: 'scenario',
        bytes: bytes.byteLength,
        parts: 6,
        contentType: 'model/gltf-binary',
      });
      expect(result.upload).toMatchObject({ status: 'imported', entityId: expect.any(String) });
      const storage = (await env.requests()).filter((r) => r.routeClass === 'storage');
      expect(
        storage.filter((r) => r.method === 'PUT'),
        name,
      ).toHaveLength(6);
      expect(
        storage.every((r) => !r.authorization && r.status === 200),
        name,
      ).toBe(true);
    }
  });

  it('sends a Cadenya upload bit-exact from every kind of source, in one PUT', async () => {
    for (const [name, make] of await sources(bytes)) {
      await env.clearRequests();
      const result = await upload(cadenya(), make(), { name: 'robot.glb' });
      expect(result.sha256, name).toBe(sha256(bytes));
      expect(await env.storedSha(result.uploadId), name).toBe(result.sha256);
      expect(result.upload.info.status).toBe('UPLOAD_STATUS_COMPLETE');
      const storage = (await env.requests()).filter((r) => r.routeClass === 'storage');
      expect(storage, name).toHaveLength(1);
      expect(storage[0]).toMatchObject({ method: 'PUT', status: 200, authorization: false });
    }
  });

  it('reports monotonic progress that ends at exactly the total, after the last part', async () => {
    const events: UploadProgress[] = [];
    let acknowledged = 0;
    const result = await upload(scenario(), fileBytes(20 * KiB), {
      partSize: 2 * KiB,
      concurrency: 2,
      name: 'p.glb',
      onPartComplete: () => acknowledged++,
      onProgress: (p) => {
        if (p.loaded === p.total) expect(acknowledged).toBe(10);
        events.push(p);
      },
    });
    const loaded = events.map((e) => e.loaded);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({
      loaded: result.bytes,
      total: result.bytes,
      partsDone: 10,
      partsTotal: 10,
    });
    expect(events.filter((e) => e.loaded === e.total)).toHaveLength(1);
  });

  it('resumes an aborted upload, sending only the missing parts', async () => {
    const file = fileBytes(12 * KiB, 7);
    const controller = new AbortController();
    let token: ResumeToken | undefined;
    const error = await upload(scenario(), file, {
      partSize: 2 * KiB,
      concurrency: 1,
      name: 'resume.glb',
      signal: controller.signal,
      onPartComplete: (e) => {
        if (e.part === 2) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadAbortedError);
    token = resumeTokenOf(error);
    expect(token?.parts.map((p) => p.number)).toEqual([1, 2]);
    // The token is plain JSON: it survives a process boundary.
    token = JSON.parse(JSON.stringify(token)) as ResumeToken;
    await env.clearRequests();
    const result = await upload(scenario(), file, { name: 'resume.glb', resume: token });
    expect(result.uploadId).toBe(token.uploadId);
    expect(result.sha256).toBe(sha256(file));
    expect(await env.storedSha(result.uploadId)).toBe(result.sha256);
    const puts = (await env.requests()).filter(
      (r) => r.routeClass === 'storage' && r.method === 'PUT',
    );
    expect(puts.map((r) => r.partNumber).sort()).toEqual([3, 4, 5, 6]);
  });

  it('refuses bad input with a typed error before any request', async () => {
    const directory = dir;
    const missing = join(dir, 'missing.glb');
    const empty = join(dir, 'empty.glb');
    await writeFile(empty, new Uint8Array());
    const cases: [string, () => Promise<unknown>, abstract new (...args: never[]) => Error][] = [
      ['a missing file', () => upload(scenario(), missing), SourceUnreadableError],
      ['a directory', () => upload(scenario(), directory), SourceIsDirectoryError],
      ['an empty file', () => upload(scenario(), empty), UploadSizeError],
      [
        'a part size under 5 MiB',
        () => upload(scenarioTarget(env.scenario, { kind: 'model' }), bytes, { partSize: '4MiB' }),
        PartSizeError,
      ],
      ['concurrency 0', () => upload(scenario(), bytes, { concurrency: 0 }), ConcurrencyError],
      [
        'a stream without a size',
        () => upload(cadenya(), new Blob([bytes.slice()]).stream()),
        UnknownSizeError,
      ],
    ];
    for (const [name, run, type] of cases) {
      const error = await run().catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(type);
      expect(resumeTokenOf(error), name).toBeUndefined();
    }
    expect(await env.requests()).toEqual([]);
  });
});
