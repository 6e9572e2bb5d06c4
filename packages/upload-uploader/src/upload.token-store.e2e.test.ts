// upload() with a token store and a shared part limiter, against the sandbox.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createFileTokenStore,
  createPartLimiter,
  InvalidResumeTokenError,
  resumeTokenOf,
  scenarioTarget,
  upload,
  UploadAbortedError,
  type PartLimiter,
} from './node/index.js';
import { fileBytes, sha256 } from './testing/test-bytes.js';
import { startUploaderSandbox } from './testing/uploader-sandbox.js';

const KiB = 1024;

let env: Awaited<ReturnType<typeof startUploaderSandbox>>;
let dir: string;
beforeAll(async () => {
  env = await startUploaderSandbox();
});
afterAll(async () => {
  await env?.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'upkit-store-'));
  await env.clearRequests();
  return () => rm(dir, { recursive: true, force: true });
});

const scenario = () =>
  scenarioTarget(env.scenario, { kind: 'model', minPartSize: KiB, pollIntervalMs: 10 });

/** The part numbers PUT to storage since the log was last cleared. */
async function partsPut(): Promise<number[]> {
  return (await env.requests())
    .filter((r) => r.routeClass === 'storage' && r.method === 'PUT')
    .map((r) => r.partNumber!)
    .sort((a, b) => a - b);
}

/** Writes a file and uploads it until `stopAfter` parts are stored, then aborts. */
async function interrupted(tokenStore: ReturnType<typeof createFileTokenStore>, stopAfter: number) {
  const path = join(dir, 'robot.glb');
  const bytes = fileBytes(12 * KiB, 3);
  await writeFile(path, bytes);
  const controller = new AbortController();
  const error = await upload(scenario(), path, {
    partSize: 2 * KiB,
    concurrency: 1,
    tokenStore,
    signal: controller.signal,
    onPartComplete: (e) => {
      if (e.part === stopAfter) controller.abort();
    },
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UploadAbortedError);
  return { path, bytes, error };
}

describe('upload() with a tokenStore', () => {
  it('keeps the token while it runs, resumes from it in a later call, then deletes it', async () => {
    const store = createFileTokenStore(join(dir, 'state'));
    const { path, bytes, error } = await interrupted(store, 2);
    const files = await readdir(store.dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^scenario-[0-9a-f]{32}\.json$/);
    const saved = JSON.parse(await readFile(join(store.dir, files[0]!), 'utf8'));
    // The store holds what the error carries: the parts stored before the abort.
    expect(saved).toEqual(resumeTokenOf(error));
    expect(saved.parts.map((p: { number: number }) => p.number)).toEqual([1, 2]);

    await env.clearRequests();
    const result = await upload(scenario(), path, { tokenStore: store });
    expect(result.uploadId).toBe(saved.uploadId);
    expect(result.resumedParts).toBe(2);
    expect(result.sha256).toBe(sha256(bytes));
    expect(await env.storedSha(result.uploadId)).toBe(result.sha256);
    expect(await partsPut()).toEqual([3, 4, 5, 6]);
    expect(await readdir(store.dir)).toEqual([]);
  });

  it('replaces a token whose upload can no longer go on with a new upload', async () => {
    const store = createFileTokenStore(dir);
    const { path, error } = await interrupted(store, 1);
    const stale = resumeTokenOf(error)!;
    // Finished elsewhere with the token itself: the stored one now names a completed upload.
    await upload(scenario(), path, { resume: stale });
    const result = await upload(scenario(), path, { tokenStore: store });
    expect(result.uploadId).not.toBe(stale.uploadId);
    expect(result.resumedParts).toBe(0);
    expect(await readdir(dir)).toEqual(['robot.glb']);
  });

  it('starts afresh past a damaged token, and says so through onTokenStoreError', async () => {
    const store = createFileTokenStore(join(dir, 'state'));
    const { path } = await interrupted(store, 1);
    const [file] = await readdir(store.dir);
    await writeFile(join(store.dir, file!), '{"version": 1, "target": "scen');
    const errors: unknown[] = [];
    const result = await upload(scenario(), path, {
      tokenStore: store,
      onTokenStoreError: (e) => errors.push(e),
    });
    expect(result.resumedParts).toBe(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(InvalidResumeTokenError);
    expect(await readdir(store.dir)).toEqual([]);
  });
});

describe('upload() with a shared partLimiter', () => {
  it('holds at most the limiter’s parts in flight across uploads, each at its own concurrency', async () => {
    const inner = createPartLimiter(2);
    let peak = 0;
    const limiter: PartLimiter = {
      limit: inner.limit,
      get active() {
        return inner.active;
      },
      acquire: async (signal) => {
        const release = await inner.acquire(signal);
        peak = Math.max(peak, inner.active);
        return release;
      },
    };
    const files = [fileBytes(16 * KiB, 1), fileBytes(16 * KiB, 2), fileBytes(16 * KiB, 4)];
    const results = await Promise.all(
      files.map((bytes, i) =>
        upload(scenario(), bytes, {
          name: `part-${i}.glb`,
          partSize: 2 * KiB,
          concurrency: 4,
          partLimiter: limiter,
        }),
      ),
    );
    expect(results.map((r) => r.sha256)).toEqual(files.map((b) => sha256(b)));
    expect(peak).toBe(2);
    expect(inner.active).toBe(0);
  });
});
