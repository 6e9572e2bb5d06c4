import { describe, expect, it } from 'vitest';
import { cadenyaCall, parseS3Error } from '../testing/http.js';
import {
  createCadenyaUpload,
  createEntry,
  getCadenyaUpload,
  put,
  workspacePath,
} from '../testing/uploads.js';
import type { TestApp } from '../testing/test-app.js';
import { useTestApp } from '../testing/use-test-sandbox.js';

// In-process (`app.request()`): nothing here needs a socket.
const start = useTestApp();

const CONTENT = '# Refund policy\nCustomers may request a full refund within 30 days.\n';

const createUpload = (
  t: TestApp,
  overrides: { workspaceId?: string; spec?: Record<string, unknown> } = {},
) =>
  createCadenyaUpload(
    t.sandbox,
    {
      filename: 'refund-policy.md',
      contentType: 'text/markdown',
      sizeBytes: String(Buffer.byteLength(CONTENT)),
      ...overrides.spec,
    },
    { name: 'refund-policy.md', externalId: 'kb-4821', labels: { team: 'support' } },
    overrides.workspaceId,
  );

const putContent = (t: TestApp, url: string) => put(t.sandbox, url, CONTENT, 'text/markdown');

const getUpload = (t: TestApp, id: string, workspaceId?: string) =>
  getCadenyaUpload(t.sandbox, id, workspaceId);

const createUploadEntry = (
  t: TestApp,
  uploadId: string,
  key = 'policies/refunds',
  layer = 'external_id:support-kb',
) =>
  createEntry(
    t.sandbox,
    { type: 'uploadId', uploadId, key, description: 'Refund questions' },
    layer,
    { name: 'Refund policy' },
  );

describe('Cadenya uploads', () => {
  it('goes PENDING → COMPLETE → CONSUMED, and refuses reuse with FAILED_PRECONDITION', async () => {
    const t = await start();
    const { workspaceId } = t.sandbox.credentials.cadenya;
    const created = await createUpload(t);
    expect(created.status).toBe(200);
    const upload = created.body;
    expect(upload.metadata).toMatchObject({
      workspaceId,
      name: 'refund-policy.md',
      externalId: 'kb-4821',
      labels: { team: 'support' },
    });
    expect(upload.metadata.id).toMatch(/^upload_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(upload.metadata.accountId).toMatch(/^account_/);
    expect(upload.spec).toEqual({
      filename: 'refund-policy.md',
      contentType: 'text/markdown',
      sizeBytes: String(Buffer.byteLength(CONTENT)),
    });
    expect(upload.info.status).toBe('UPLOAD_STATUS_PENDING');
    expect(upload.info.createdBy.spec.type).toBe('PROFILE_TYPE_API_KEY');
    const query = new URL(upload.info.uploadUrl).searchParams;
    expect(query.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(query.get('X-Amz-Expires')).toBe('900');
    expect(Date.parse(upload.info.uploadUrlExpiresAt) - t.clock.now()).toBeLessThanOrEqual(900_000);

    expect((await getUpload(t, upload.metadata.id)).body.info.status).toBe('UPLOAD_STATUS_PENDING');
    const pending = await createUploadEntry(t, upload.metadata.id);
    expect(pending.status).toBe(400);
    expect(pending.body).toEqual({
      code: 9,
      message: `upload ${upload.metadata.id} is not complete`,
      details: [],
    });

    const stored = await putContent(t, upload.info.uploadUrl);
    expect(stored.status).toBe(200);
    const complete = await getUpload(t, upload.metadata.id);
    expect(complete.body.info.status).toBe('UPLOAD_STATUS_COMPLETE');
    expect(complete.body.metadata.updatedAt).toBeDefined();

    const entry = await createUploadEntry(t, upload.metadata.id);
    expect(entry.status).toBe(200);
    expect(entry.body.content).toBe(CONTENT);
    expect(entry.body.spec).toEqual({ key: 'policies/refunds', description: 'Refund questions' });
    expect(entry.body.metadata.id).toMatch(/^mementry_/);
    expect(entry.body.info.memoryLayer.externalId).toBe('support-kb');
    expect((await getUpload(t, upload.metadata.id)).body.info.status).toBe(
      'UPLOAD_STATUS_CONSUMED',
    );

    const reuse = await createUploadEntry(t, upload.metadata.id, 'policies/other');
    expect(reuse.status).toBe(400);
    expect(reuse.body).toEqual({
      code: 9,
      message: `upload ${upload.metadata.id} has already been consumed`,
      details: [],
    });
  });

  it('goes PENDING → EXPIRED when the URL elapses without a PUT; storage then refuses the PUT', async () => {
    const t = await start();
    const { body } = await createUpload(t);
    t.clock.advance(901_000);
    const expired = await getUpload(t, body.metadata.id);
    expect(expired.body.info.status).toBe('UPLOAD_STATUS_EXPIRED');
    const late = await putContent(t, body.info.uploadUrl);
    expect(late.status).toBe(403);
    expect(parseS3Error(late.text)).toMatchObject({
      Code: 'AccessDenied',
      Message: 'Request has expired',
    });
    expect((await getUpload(t, body.metadata.id)).body.info.status).toBe('UPLOAD_STATUS_EXPIRED');
    const entry = await createUploadEntry(t, body.metadata.id);
    expect(entry.body).toMatchObject({
      code: 9,
      message: `upload ${body.metadata.id} has expired`,
    });
  });

  it('stays COMPLETE when read after the URL elapsed, if the PUT came in time', async () => {
    const t = await start();
    const { body } = await createUpload(t);
    await putContent(t, body.info.uploadUrl);
    t.clock.advance(3_600_000);
    expect((await getUpload(t, body.metadata.id)).body.info.status).toBe('UPLOAD_STATUS_COMPLETE');
  });

  it('scopes uploads by workspace: 404 from another workspace, 403 for a workspace the key lacks', async () => {
    const t = await start();
    const other = t.sandbox.credentials.cadenya.otherWorkspaceIds[0]!;
    const { body } = await createUpload(t);
    const elsewhere = await getUpload(t, body.metadata.id, other);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toEqual({
      code: 5,
      message: `upload ${body.metadata.id} not found`,
      details: [],
    });
    const inOther = await createUpload(t, { workspaceId: other });
    expect(inOther.body.metadata.workspaceId).toBe(other);
    const stranger = await getUpload(t, body.metadata.id, 'workspace_01JZ0SANDBXWKSPC0000000099');
    expect(stranger.status).toBe(403);
    expect(stranger.body).toMatchObject({ code: 7, details: [] });
    // An upload of another workspace cannot be consumed either.
    await putContent(t, inOther.body.info.uploadUrl);
    const cross = await createUploadEntry(t, inOther.body.metadata.id);
    expect(cross.status).toBe(404);
    expect(cross.body.code).toBe(5);
  });

  it('refuses missing or wrong API keys with UNAUTHENTICATED (16 → 401)', async () => {
    const t = await start();
    const path = `${workspacePath(t.sandbox)}/uploads/upload_x`;
    for (const auth of [null, 'Bearer wrong', `Basic ${Buffer.from('a:b').toString('base64')}`]) {
      const res = await cadenyaCall(t.sandbox, 'GET', path, { auth });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 16, details: [] });
    }
  });

  it.each([
    ['a non-numeric sizeBytes', { sizeBytes: 'lots' }],
    ['a numeric sizeBytes', { sizeBytes: 18734 }],
    ['a zero sizeBytes', { sizeBytes: '0' }],
    ['a sizeBytes over 5 GiB', { sizeBytes: String(5 * 1024 ** 3 + 1) }],
    ['an empty contentType', { contentType: '' }],
    ['an unknown spec field', { checksum: 'abc' }],
  ])('refuses %s with INVALID_ARGUMENT (3 → 400)', async (_name, spec) => {
    const t = await start();
    const res = await createUpload(t, { spec });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 3, details: [] });
    expect(typeof res.body.message).toBe('string');
  });

  it('refuses a negative sizeBytes', async () => {
    const t = await start();
    const res = await createUpload(t, { spec: { sizeBytes: '-1' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 3, details: [] });
    expect(typeof res.body.message).toBe('string');
  });

  it('answers NOT_FOUND for an unknown upload, on read and when consumed', async () => {
    const t = await start();
    expect((await getUpload(t, 'upload_01JZ0SANDBXWKSPC0000000000')).body.code).toBe(5);
    const entry = await createUploadEntry(t, 'upload_01JZ0SANDBXWKSPC0000000000');
    expect(entry.status).toBe(404);
    expect(entry.body.code).toBe(5);
  });
});

describe('Cadenya memory entries', () => {
  it('refuses a duplicate key in a layer with ALREADY_EXISTS (6 → 409)', async () => {
    const t = await start();
    const layer = 'memlyr_01JZ0SANDBXWKSPC0000000001';
    const first = await createEntry(
      t.sandbox,
      { type: 'content', content: 'hello', key: 'notes/a' },
      layer,
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      content: 'hello',
      spec: { key: 'notes/a', description: '' },
    });
    expect(first.body.info.memoryLayer.id).toBe(layer);
    const { body } = await createUpload(t);
    await putContent(t, body.info.uploadUrl);
    const duplicate = await createUploadEntry(t, body.metadata.id, 'notes/a', layer);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 6, details: [] });
    // The refusal did not consume the upload.
    expect((await getUpload(t, body.metadata.id)).body.info.status).toBe('UPLOAD_STATUS_COMPLETE');
  });

  it.each([
    '/leading',
    'trailing/',
    'double//slash',
    'cadenya/reserved',
    'system/reserved',
    'spa ce',
    '',
  ])('refuses the key %j with INVALID_ARGUMENT', async (key) => {
    const t = await start();
    const res = await createEntry(t.sandbox, { type: 'content', content: 'x', key });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(3);
  });

  it('lets exactly one of two concurrent creates consume an upload', async () => {
    const t = await start();
    const { body } = await createUpload(t);
    await putContent(t, body.info.uploadUrl);
    const results = await Promise.all([
      createUploadEntry(t, body.metadata.id, 'a/one'),
      createUploadEntry(t, body.metadata.id, 'a/two'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it('refuses an unknown spec type', async () => {
    const t = await start();
    const res = await createEntry(t.sandbox, { type: 'url', url: 'https://example.org', key: 'k' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(3);
  });
});
