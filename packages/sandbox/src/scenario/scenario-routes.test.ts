import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inspect, pollUntil, scenarioBasic, scenarioCall, send } from '../testing/http.js';
import type { TestApp } from '../testing/test-app.js';
import {
  completedOnePart,
  completeUpload,
  createMultipart,
  getUpload,
  put,
} from '../testing/uploads.js';
import { useTestApp } from '../testing/use-test-sandbox.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const png = (size: number) => Buffer.concat([PNG, Buffer.alloc(size - PNG.length, 7)]);

// In-process (`app.request()`): nothing here needs a socket.
const start = useTestApp();

/** PUTs the file split into the given part sizes (the last takes the rest). */
async function putParts(
  t: TestApp,
  upload: { parts: { number: number; url: string }[] },
  file: Buffer,
  sizes: number[],
) {
  let offset = 0;
  for (const [i, part] of upload.parts.entries()) {
    const size = i < sizes.length ? sizes[i]! : file.length - offset;
    const res = await put(t.sandbox, part.url, file.subarray(offset, offset + size), 'image/png');
    expect(res.status).toBe(200);
    offset += size;
  }
}

/** The upload once its background check is done: with no delays, imported or failed. */
const settled = async (t: TestApp, id: string) => {
  await t.settled();
  return getUpload(t.sandbox, id);
};

/** A one-part upload of `file`, completed and settled. */
async function uploadOnePart(t: TestApp, contentType: string, file: Buffer) {
  const upload = await completedOnePart(t.sandbox, file, {
    fileName: 'f',
    contentType,
    kind: 'asset',
  });
  return settled(t, upload.id);
}

describe('Scenario multipart uploads', () => {
  it('moves pending → validating → validated → imported, on the clock', async () => {
    const t = await start({ scenario: { validatingDelayMs: 60_000, importDelayMs: 60_000 } });
    const file = png(40);
    const created = await createMultipart(t.sandbox, file.length, 2);
    expect(created.status).toBe(200);
    const upload = created.body.upload;
    expect(upload).toMatchObject({
      status: 'pending',
      source: 'multipart',
      partsCount: 2,
      fileSize: 40,
      kind: 'image',
    });
    expect(upload.id).toMatch(/^upload_[0-9A-Za-z]{24}$/);
    expect(upload.parts.map((p: { number: number }) => p.number)).toEqual([1, 2]);
    for (const part of upload.parts) {
      expect(new Date(part.expires).getTime()).toBeGreaterThan(t.clock.now());
      const query = new URL(part.url).searchParams;
      expect(query.get('partNumber')).toBe(String(part.number));
      expect(query.get('X-Amz-SignedHeaders')).toBe('host');
      expect(query.get('X-Amz-Expires')).toBe('3600');
    }
    await putParts(t, upload, file, [20]);

    const completed = await completeUpload(t.sandbox, upload.id);
    expect(completed.status).toBe(200);
    expect(completed.body.upload.status).toBe('validating');
    expect(completed.body.upload.parts).toBeUndefined();
    expect(completed.body.upload.jobId).toMatch(/^job_/);

    // The check runs in the background: once it has assembled the object, the upload is still
    // validating, because the clock has not reached the end of validating.
    await t.settled();
    expect((await inspect(t.sandbox, 'GET', '/objects')).body.objects).toHaveLength(1);
    expect((await getUpload(t.sandbox, upload.id)).body.upload.status).toBe('validating');
    t.clock.advance(60_000);
    const validated = await getUpload(t.sandbox, upload.id);
    expect(validated.body.upload.status).toBe('validated');
    expect(validated.body.upload.entityId).toBeUndefined();
    t.clock.advance(60_000);
    const imported = await getUpload(t.sandbox, upload.id);
    expect(imported.body.upload.status).toBe('imported');
    expect(imported.body.upload.entityId).toMatch(/^asset_/);
    expect(Date.parse(imported.body.upload.updatedAt)).toBeGreaterThan(
      Date.parse(upload.createdAt),
    );

    const objects = await inspect(t.sandbox, 'GET', '/objects');
    const object = objects.body.objects.find((o: { key: string }) => o.key.endsWith(upload.id));
    expect(object).toMatchObject({
      size: 40,
      contentType: 'image/png',
      sha256: createHash('sha256').update(file).digest('hex'),
    });
    expect(object.etag).toMatch(/^"[0-9a-f]{32}-2"$/);
  });

  it('advances on its own with timers', async () => {
    const t = await start({ scenario: { validatingDelayMs: 30, importDelayMs: 30 } });
    const file = png(20);
    const { body } = await createMultipart(t.sandbox, file.length, 1);
    await putParts(t, body.upload, file, []);
    await completeUpload(t.sandbox, body.upload.id);
    const seen = new Set<string>();
    await pollUntil(
      async () => {
        const status = (await getUpload(t.sandbox, body.upload.id)).body.upload.status as string;
        seen.add(status);
        return status;
      },
      (status) => status === 'imported',
    );
    expect([...seen]).toContain('imported');
    expect(seen.has('failed')).toBe(false);
  });

  it('gives a model an entityId model_…', async () => {
    const t = await start();
    const file = Buffer.from('safetensors-ish bytes');
    const upload = await completedOnePart(t.sandbox, file, {
      fileName: 'lora.safetensors',
      contentType: 'application/octet-stream',
      kind: 'model',
    });
    const done = await settled(t, upload.id);
    expect(done.body.upload).toMatchObject({ status: 'imported', kind: 'model' });
    expect(done.body.upload.entityId).toMatch(/^model_/);
  });

  it('signs part URLs afresh on each read while pending', async () => {
    const t = await start();
    const created = await createMultipart(t.sandbox, 32, 2);
    t.clock.advance(5000);
    const again = await getUpload(t.sandbox, created.body.upload.id);
    const first = created.body.upload.parts[0];
    const second = again.body.upload.parts[0];
    expect(second.url).not.toBe(first.url);
    expect(Date.parse(second.expires) - Date.parse(first.expires)).toBeGreaterThanOrEqual(4000);
    // The old URL still works until it expires, as on S3.
    const res = await put(t.sandbox, first.url, png(16));
    expect(res.status).toBe(200);
  });

  it.each([
    ['a missing part', [16, 16], 3, 48, /part 3 of 3 was never uploaded/],
    [
      'sizes that do not add up to fileSize',
      [16, 16],
      2,
      40,
      /add up to 32 bytes, but fileSize is 40/,
    ],
    [
      'a part below the minimum part size (but the last)',
      [10, 30],
      2,
      40,
      /EntityTooSmall.*part 1 is 10 bytes/,
    ],
  ])('fails with %s', async (_name, sizes, parts, fileSize, message) => {
    const t = await start();
    const file = png(fileSize);
    const { body } = await createMultipart(t.sandbox, file.length, parts);
    let offset = 0;
    for (const [i, size] of sizes.entries()) {
      await put(t.sandbox, body.upload.parts[i].url, file.subarray(offset, offset + size));
      offset += size;
    }
    expect((await completeUpload(t.sandbox, body.upload.id)).body.upload.status).toBe('validating');
    const done = await settled(t, body.upload.id);
    expect(done.body.upload.status).toBe('failed');
    expect(done.body.upload.errorMessage).toMatch(message);
    expect(done.body.upload.entityId).toBeUndefined();
  });

  it.each([
    ['image/png', Buffer.from('not a png at all, just text'), /not a valid PNG image/],
    ['image/jpeg', Buffer.from('GIF89a plus a few more bytes'), /not a valid JPEG image/],
    ['model/gltf-binary', Buffer.from('{"asset":{"version":"2.0"}}'), /not a valid glTF binary/],
    ['application/zip', Buffer.from('\x1f\x8b gzip, not zip bytes'), /not a valid ZIP archive/],
  ])('fails when the bytes are not %s', async (contentType, file, message) => {
    const t = await start();
    const done = await uploadOnePart(t, contentType, file);
    expect(done.body.upload).toMatchObject({ status: 'failed' });
    expect(done.body.upload.errorMessage).toMatch(message);
  });

  it.each([
    ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])],
    ['model/gltf-binary', Buffer.from('glTF\x02\x00\x00\x00rest', 'latin1')],
    ['application/zip', Buffer.from('PK\x03\x04rest of a zip', 'latin1')],
    ['audio/wav', Buffer.from('anything goes for other types')],
  ])('imports %s with matching bytes', async (contentType, file) => {
    const t = await start();
    expect((await uploadOnePart(t, contentType, file)).body.upload.status).toBe('imported');
  });

  it('uses a 5 MiB minimum part size by default', async () => {
    const t = await start({ scenario: { minPartSize: undefined } });
    const file = png(64);
    const { body } = await createMultipart(t.sandbox, file.length, 2);
    await putParts(t, body.upload, file, [32]);
    await completeUpload(t.sandbox, body.upload.id);
    const done = await settled(t, body.upload.id);
    expect(done.body.upload.errorMessage).toMatch(/at least 5242880 bytes/);
  });

  it('refuses a second complete with 409, and part PUTs after complete with NoSuchUpload', async () => {
    const t = await start();
    const file = png(20);
    const { body } = await createMultipart(t.sandbox, file.length, 1);
    await putParts(t, body.upload, file, []);
    await completeUpload(t.sandbox, body.upload.id);
    const again = await completeUpload(t.sandbox, body.upload.id);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      status: 409,
      reason: 'upload_not_pending',
      message: 'Upload is not pending',
    });
    const late = await put(t.sandbox, body.upload.parts[0].url, file);
    expect(late.status).toBe(404);
    expect(late.text).toContain('<Code>NoSuchUpload</Code>');
  });

  it('answers 404 for an unknown upload, on read and on complete', async () => {
    const t = await start();
    for (const res of [
      await getUpload(t.sandbox, 'upload_nope'),
      await completeUpload(t.sandbox, 'upload_nope'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
        message: 'Upload upload_nope not found',
      });
    }
  });
});

describe('Scenario create validation', () => {
  it.each([
    ['parts 0', { parts: 0 }, /parts/],
    ['parts 10001', { parts: 10_001 }, /parts/],
    ['a fractional part count', { parts: 1.5 }, /parts/],
    ['a negative fileSize', { fileSize: -1 }, /fileSize/],
    ['a fileSize over 5 TB', { fileSize: 6 * 1024 ** 4 }, /5 TB/],
    ['an unknown kind', { kind: 'spreadsheet' }, /kind/],
    ['an unknown property', { colour: 'blue' }, /colour/],
  ])('refuses %s with 400', async (_name, change, message) => {
    const t = await start();
    const res = await createMultipart(t.sandbox, 10, 1, change);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 400, reason: 'invalid_argument' });
    expect(res.body.message).toMatch(message);
  });

  it('accepts 10000 parts and lists them all', async () => {
    const t = await start();
    const res = await createMultipart(t.sandbox, 10_000 * 16, 10_000, { kind: 'asset' });
    expect(res.status).toBe(200);
    expect(res.body.upload.parts).toHaveLength(10_000);
    expect(res.body.upload.parts.at(-1).number).toBe(10_000);
  });

  it.each([
    ['missing fields', { fileName: 'a.png', parts: 1 }],
    [
      'mixed modes',
      { url: 'https://example.org/a.png', kind: 'image', huggingFaceModelName: 'a/b' },
    ],
    ['no mode at all', { kind: 'image' }],
    ['a non-object', [1, 2]],
  ])('refuses a body with %s', async (_name, body) => {
    const t = await start();
    const res = await scenarioCall(t.sandbox, 'POST', '/uploads', { body });
    expect(res.status).toBe(400);
  });

  it('refuses invalid JSON and an unknown action', async () => {
    const t = await start();
    const bad = await send(t.sandbox, `${t.sandbox.scenarioBaseUrl}/uploads`, {
      method: 'POST',
      headers: { authorization: scenarioBasic(t.sandbox), 'content-type': 'application/json' },
      body: '{"fileName":',
    });
    expect(bad.status).toBe(400);
    const { body } = await createMultipart(t.sandbox, 16, 1);
    const action = await scenarioCall(t.sandbox, 'POST', `/uploads/${body.upload.id}/action`, {
      body: { action: 'abort' },
    });
    expect(action.status).toBe(400);
    expect((await getUpload(t.sandbox, body.upload.id)).body.upload.status).toBe('pending');
  });
});

describe('Scenario imports (url, Hugging Face, Civitai)', () => {
  it.each([
    [
      { url: 'https://example.org/assets/castle.png', kind: 'image' },
      { source: 'url', fileName: 'castle.png', kind: 'image' },
      /^asset_/,
    ],
    [
      { huggingFaceModelName: 'stabilityai/sdxl-base' },
      { source: 'huggingface', provider: 'huggingface', kind: 'model' },
      /^model_/,
    ],
    [
      { civitaiModelUrl: 'https://civitai.com/models/4201/realistic-vision' },
      { source: 'civitai', provider: 'civitai', kind: 'model' },
      /^model_/,
    ],
  ])(
    'moves %j through validating to imported without fetching',
    async (request, fields, entity) => {
      const t = await start({ scenario: { validatingDelayMs: 60_000, importDelayMs: 60_000 } });
      const created = await scenarioCall(t.sandbox, 'POST', '/uploads', { body: request });
      expect(created.status).toBe(200);
      expect(created.body.upload).toMatchObject({ ...fields, status: 'validating' });
      expect(created.body.upload.parts).toBeUndefined();
      await t.settled();
      t.clock.advance(60_000);
      const validated = await getUpload(t.sandbox, created.body.upload.id);
      expect(validated.body.upload.status).toBe('validated');
      t.clock.advance(60_000);
      const imported = await getUpload(t.sandbox, created.body.upload.id);
      expect(imported.body.upload.status).toBe('imported');
      expect(imported.body.upload.entityId).toMatch(entity);
      // Only multipart uploads are ever pending, so there is nothing to complete.
      expect((await completeUpload(t.sandbox, created.body.upload.id)).status).toBe(409);
    },
  );

  it('fails a URL import from an unreachable (.invalid) host', async () => {
    const t = await start();
    const created = await scenarioCall(t.sandbox, 'POST', '/uploads', {
      body: { url: 'https://assets.example.invalid/a.png', kind: 'image' },
    });
    const done = await settled(t, created.body.upload.id);
    expect(done.body.upload.status).toBe('failed');
    expect(done.body.upload.errorMessage).toMatch(/Could not download/);
  });
});

describe('Scenario auth and projects', () => {
  it('accepts Basic and Bearer, and refuses wrong or missing credentials with 401', async () => {
    const t = await start();
    const { scenario } = t.sandbox.credentials;
    const basic = (k: string, s: string) => `Basic ${Buffer.from(`${k}:${s}`).toString('base64')}`;
    expect(
      (
        await scenarioCall(t.sandbox, 'GET', '/uploads/x', {
          auth: `Bearer ${scenario.bearerToken}`,
        })
      ).status,
    ).toBe(404);
    expect((await scenarioCall(t.sandbox, 'GET', '/uploads/x')).status).toBe(404);
    for (const auth of [
      basic(scenario.apiKey, 'wrong'),
      basic('wrong', scenario.apiSecret),
      'Bearer wrong',
      `Bearer ${scenario.apiKey}`,
      null,
    ]) {
      const res = await scenarioCall(t.sandbox, 'POST', '/uploads', {
        auth,
        body: { huggingFaceModelName: 'a/b' },
      });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        status: 401,
        error: 'Unauthorized',
        message: 'Invalid API key or secret',
      });
    }
  });

  it('scopes uploads by projectId and refuses projects the credentials lack', async () => {
    const t = await start();
    const { scenario } = t.sandbox.credentials;
    const other = scenario.otherProjectIds[0]!;
    const created = await scenarioCall(t.sandbox, 'POST', `/uploads?projectId=${other}`, {
      body: { huggingFaceModelName: 'a/b' },
    });
    expect(created.body.upload.ownerId).toBe(other);
    const id = created.body.upload.id;
    expect((await scenarioCall(t.sandbox, 'GET', `/uploads/${id}?projectId=${other}`)).status).toBe(
      200,
    );
    expect((await scenarioCall(t.sandbox, 'GET', `/uploads/${id}`)).status).toBe(404);
    expect(
      (await scenarioCall(t.sandbox, 'GET', `/uploads/${id}?projectId=${scenario.projectId}`))
        .status,
    ).toBe(404);
    const forbidden = await scenarioCall(
      t.sandbox,
      'GET',
      `/uploads/${id}?projectId=proj_someoneElse`,
    );
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ status: 403, error: 'Forbidden' });
    const mine = await createMultipart(t.sandbox, 16, 1);
    expect(mine.body.upload.ownerId).toBe(scenario.projectId);
  });
});
