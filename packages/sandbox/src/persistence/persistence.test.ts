import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxOptions } from '../options.js';
import { cadenyaCall, httpRequest, inspect, pollUntil, scenarioCall } from '../testing/http.js';
import { startTestSandbox } from '../testing/test-sandbox.js';
import type { TestSandbox } from '../testing/test-sandbox.js';
import { StateStore } from './state-store.js';

const open: TestSandbox[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.sandbox.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function start(options: SandboxOptions) {
  const t = await startTestSandbox(options);
  open.push(t);
  return t;
}

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
async function completedPng(t: TestSandbox) {
  const upload = (
    await scenarioCall(t.sandbox, 'POST', '/uploads', {
      body: {
        fileName: 'a.png',
        contentType: 'image/png',
        fileSize: PNG.length,
        parts: 1,
        kind: 'image',
      },
    })
  ).body.upload;
  await httpRequest(upload.parts[0].url, { body: PNG, headers: { 'content-length': PNG.length } });
  await scenarioCall(t.sandbox, 'POST', `/uploads/${upload.id}/action`, {
    body: { action: 'complete' },
  });
  return upload;
}

describe('persistence across restarts', () => {
  it('keeps every upload, entry and object in the data directory', async () => {
    const dir = await dataDir();
    const first = await start({ dataDir: dir });
    const ws = first.sandbox.credentials.cadenya.workspaceId;
    expect(first.sandbox.dataDir).toBe(dir);

    // Scenario: one imported, one pending with one of two parts stored.
    const imported = await completedPng(first);
    await pollUntil(
      () => scenarioCall(first.sandbox, 'GET', `/uploads/${imported.id}`),
      (r) => r.body.upload.status === 'imported',
    );
    const pending = (
      await scenarioCall(first.sandbox, 'POST', '/uploads', {
        body: {
          fileName: 'b.png',
          contentType: 'image/png',
          fileSize: PNG.length,
          parts: 2,
          kind: 'image',
        },
      })
    ).body.upload;
    await httpRequest(pending.parts[0].url, {
      body: PNG.subarray(0, 20),
      headers: { 'content-length': 20 },
    });

    // Cadenya: one complete, one consumed by an entry.
    const createCadenya = async (text: string) => {
      const res = await cadenyaCall(first.sandbox, 'POST', `/v1/workspaces/${ws}/uploads`, {
        body: {
          metadata: { name: 'n' },
          spec: { filename: 'f.txt', contentType: 'text/plain', sizeBytes: String(text.length) },
        },
      });
      await httpRequest(res.body.info.uploadUrl, {
        body: text,
        headers: { 'content-type': 'text/plain', 'content-length': text.length },
      });
      return res.body;
    };
    const complete = await createCadenya('complete');
    const consumed = await createCadenya('consumed');
    const entry = await cadenyaCall(
      first.sandbox,
      'POST',
      `/v1/workspaces/${ws}/memory_layers/external_id:kb/entries`,
      {
        body: {
          metadata: { name: 'e' },
          spec: { type: 'uploadId', uploadId: consumed.metadata.id, key: 'k/one' },
        },
      },
    );
    expect(entry.status).toBe(200);
    const before = {
      imported: (await scenarioCall(first.sandbox, 'GET', `/uploads/${imported.id}`)).body.upload,
      complete: (
        await cadenyaCall(
          first.sandbox,
          'GET',
          `/v1/workspaces/${ws}/uploads/${complete.metadata.id}`,
        )
      ).body,
      objects: (await inspect(first.sandbox, 'GET', '/objects')).body.objects,
    };
    await first.sandbox.close();
    expect(existsSync(dir)).toBe(true);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    JSON.parse(await readFile(join(dir, 'state.json'), 'utf8'));

    const second = await start({ dataDir: dir });
    expect(
      (await scenarioCall(second.sandbox, 'GET', `/uploads/${imported.id}`)).body.upload,
    ).toEqual(before.imported);
    expect(
      (
        await cadenyaCall(
          second.sandbox,
          'GET',
          `/v1/workspaces/${ws}/uploads/${complete.metadata.id}`,
        )
      ).body.info.status,
    ).toBe('UPLOAD_STATUS_COMPLETE');
    expect(
      (
        await cadenyaCall(
          second.sandbox,
          'GET',
          `/v1/workspaces/${ws}/uploads/${consumed.metadata.id}`,
        )
      ).body.info.status,
    ).toBe('UPLOAD_STATUS_CONSUMED');
    const objects = (await inspect(second.sandbox, 'GET', '/objects')).body.objects;
    expect(objects).toEqual(before.objects);
    expect(objects.map((o: { sha256: string }) => o.sha256)).toEqual(
      expect.arrayContaining([sha256(PNG), sha256('complete'), sha256('consumed')]),
    );
    const reuse = await cadenyaCall(
      second.sandbox,
      'POST',
      `/v1/workspaces/${ws}/memory_layers/external_id:kb/entries`,
      {
        body: {
          metadata: { name: 'e' },
          spec: { type: 'uploadId', uploadId: complete.metadata.id, key: 'k/one' },
        },
      },
    );
    expect(reuse.status).toBe(409);

    // The pending upload carries on: its stored part survived, the second part completes it.
    const again = (await scenarioCall(second.sandbox, 'GET', `/uploads/${pending.id}`)).body.upload;
    expect(again.status).toBe('pending');
    expect(new URL(again.parts[1].url).origin).toBe(second.sandbox.url);
    await httpRequest(again.parts[1].url, {
      body: PNG.subarray(20),
      headers: { 'content-length': PNG.length - 20 },
    });
    await scenarioCall(second.sandbox, 'POST', `/uploads/${pending.id}/action`, {
      body: { action: 'complete' },
    });
    const done = await pollUntil(
      () => scenarioCall(second.sandbox, 'GET', `/uploads/${pending.id}`),
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
    expect(
      (await scenarioCall(second.sandbox, 'GET', `/uploads/${upload.id}`)).body.upload.status,
    ).toBe('validating');
    // The stored due time still applies: move the clock past it.
    second.clock.advance(3_600_000);
    const done = await pollUntil(
      () => scenarioCall(second.sandbox, 'GET', `/uploads/${upload.id}`),
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
