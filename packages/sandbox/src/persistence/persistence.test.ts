import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inspect, pollUntil, scenarioCall } from '../testing/http.js';
import type { TestSandbox } from '../testing/test-sandbox.js';
import {
  completedOnePart,
  completeUpload,
  createCadenyaUpload,
  createEntry,
  createMultipart,
  getCadenyaUpload,
  getUpload,
  put,
} from '../testing/uploads.js';
import { useTestSandbox } from '../testing/use-test-sandbox.js';
import { StateStore } from './state-store.js';

// On a socket: what is under test is startSandbox's restart (reopening, resuming the lifecycle).
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
// Registered after, so it runs first: the sandboxes close before their directories go.
const start = useTestSandbox();

async function dataDir() {
  const dir = await mkdtemp(join(tmpdir(), 'upkit-sandbox-test-'));
  dirs.push(dir);
  return dir;
}

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 3),
]);
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** A one-part PNG upload, its part stored and the complete action sent. */
const completedPng = (t: TestSandbox) => completedOnePart(t.sandbox, PNG);

describe('persistence across restarts', () => {
  it('keeps every upload, entry and object in the data directory', async () => {
    const dir = await dataDir();
    const first = await start({ dataDir: dir });
    expect(first.sandbox.dataDir).toBe(dir);

    // Scenario: one imported, one pending with one of two parts stored.
    const imported = await completedPng(first);
    await pollUntil(
      () => getUpload(first.sandbox, imported.id),
      (r) => r.body.upload.status === 'imported',
    );
    const pending = (await createMultipart(first.sandbox, PNG.length, 2, { fileName: 'b.png' }))
      .body.upload;
    await put(first.sandbox, pending.parts[0].url, PNG.subarray(0, 20));

    // Cadenya: one complete, one consumed by an entry.
    const createCadenya = async (text: string) => {
      const res = await createCadenyaUpload(first.sandbox, {
        filename: 'f.txt',
        sizeBytes: String(text.length),
      });
      await put(first.sandbox, res.body.info.uploadUrl, text, 'text/plain');
      return res.body;
    };
    const complete = await createCadenya('complete');
    const consumed = await createCadenya('consumed');
    const entryOf = (t: TestSandbox, uploadId: string) =>
      createEntry(t.sandbox, { type: 'uploadId', uploadId, key: 'k/one' });
    const entry = await entryOf(first, consumed.metadata.id);
    expect(entry.status).toBe(200);
    const before = {
      imported: (await getUpload(first.sandbox, imported.id)).body.upload,
      complete: (await getCadenyaUpload(first.sandbox, complete.metadata.id)).body,
      objects: (await inspect(first.sandbox, 'GET', '/objects')).body.objects,
    };
    await first.sandbox.close();
    expect(existsSync(dir)).toBe(true);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    JSON.parse(await readFile(join(dir, 'state.json'), 'utf8'));

    const second = await start({ dataDir: dir });
    expect((await getUpload(second.sandbox, imported.id)).body.upload).toEqual(before.imported);
    const statusOf = async (upload: { metadata: { id: string } }) =>
      (await getCadenyaUpload(second.sandbox, upload.metadata.id)).body.info.status;
    expect(await statusOf(complete)).toBe('UPLOAD_STATUS_COMPLETE');
    expect(await statusOf(consumed)).toBe('UPLOAD_STATUS_CONSUMED');
    const objects = (await inspect(second.sandbox, 'GET', '/objects')).body.objects;
    expect(objects).toEqual(before.objects);
    expect(objects.map((o: { sha256: string }) => o.sha256)).toEqual(
      expect.arrayContaining([sha256(PNG), sha256('complete'), sha256('consumed')]),
    );
    const reuse = await entryOf(second, complete.metadata.id);
    expect(reuse.status).toBe(409);

    // The pending upload carries on: its stored part survived, the second part completes it.
    const again = (await getUpload(second.sandbox, pending.id)).body.upload;
    expect(again.status).toBe('pending');
    expect(new URL(again.parts[1].url).origin).toBe(second.sandbox.url);
    await put(second.sandbox, again.parts[1].url, PNG.subarray(20));
    await completeUpload(second.sandbox, pending.id);
    const done = await pollUntil(
      () => getUpload(second.sandbox, pending.id),
      (r) => r.body.upload.status !== 'validating',
    );
    expect(done.body.upload.status).toBe('imported');
  });

  it('finishes an upload that was validating when the sandbox stopped', async () => {
    const dir = await dataDir();
    const first = await start({ dataDir: dir, scenario: { validatingDelayMs: 3_600_000 } });
    const upload = await completedPng(first);
    await first.sandbox.close();

    const second = await start({ dataDir: dir });
    expect((await getUpload(second.sandbox, upload.id)).body.upload.status).toBe('validating');
    // The stored due time still applies: move the clock past it.
    second.clock.advance(3_600_000);
    const done = await pollUntil(
      () => getUpload(second.sandbox, upload.id),
      (r) => r.body.upload.status === 'imported',
    );
    expect(done.body.upload.status).toBe('imported');
  });

  it('uses a temporary directory without dataDir, and removes it on close', async () => {
    const t = await start({});
    const dir = t.sandbox.dataDir;
    expect(existsSync(join(dir, 'state.json'))).toBe(false);
    await scenarioCall(t.sandbox, 'POST', '/uploads', { body: { huggingFaceModelName: 'a/b' } });
    expect(existsSync(join(dir, 'state.json'))).toBe(true);
    await t.sandbox.close();
    expect(existsSync(dir)).toBe(false);
    await t.sandbox.close();
  });
});

describe('StateStore', () => {
  it('coalesces concurrent writes and each caller sees its change on disk', async () => {
    const dir = await dataDir();
    const file = join(dir, 'state.json');
    const store = await StateStore.open(file);
    const writes = [];
    for (let i = 0; i < 50; i++) {
      store.state.scenario.uploads[`u${i}`] = { upload: { id: `u${i}` }, internal: {} } as never;
      const expected = i;
      writes.push(
        store.persist().then(async () => {
          const onDisk = JSON.parse(await readFile(file, 'utf8'));
          expect(Object.keys(onDisk.scenario.uploads).length).toBeGreaterThan(expected);
        }),
      );
    }
    await Promise.all(writes);
    await store.flush();
    expect((await readdir(dir)).sort()).toEqual(['state.json']);
    const reopened = await StateStore.open(file);
    expect(Object.keys(reopened.state.scenario.uploads)).toHaveLength(50);
  });
});
