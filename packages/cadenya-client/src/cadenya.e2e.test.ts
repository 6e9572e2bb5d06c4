import { startSandbox, silentLogger, type Sandbox } from '@upkit/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  Cadenya,
  InternalServerError,
  NotFoundError,
  UploadConsumedError,
  UploadExpiredError,
  UploadUnusableError,
  WaiterFailureError,
  WaiterTimeoutError,
} from './index.js';

describe('Cadenya against @upkit/sandbox', () => {
  let sandbox: Sandbox;
  let client: Cadenya;

  async function setFaults(settings: unknown): Promise<void> {
    const res = await fetch(`${sandbox.inspectionUrl}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(settings),
    });
    expect(res.ok).toBe(true);
  }

  async function apiRequests(): Promise<string[]> {
    const res = await fetch(`${sandbox.inspectionUrl}/requests`);
    const { requests } = (await res.json()) as {
      requests: { method: string; status: number; routeClass: string }[];
    };
    return requests.filter((r) => r.routeClass === 'api').map((r) => `${r.method} ${r.status}`);
  }

  beforeAll(async () => {
    // Held to the document's exact wire format, not to what the real service's protojson lets pass.
    sandbox = await startSandbox({ port: 0, logger: silentLogger, strict: true });
    const { apiKey, workspaceId } = sandbox.credentials.cadenya;
    client = new Cadenya({ baseURL: sandbox.cadenyaBaseUrl, apiKey, workspaceId });
  });
  afterAll(async () => {
    await sandbox.close();
  });
  beforeEach(async () => {
    await setFaults({});
    await fetch(`${sandbox.inspectionUrl}/requests`, { method: 'DELETE' });
  });

  const text = new TextEncoder().encode('hello, memory layer\n');

  async function createUpload(sizeBytes: number | bigint | string = text.length) {
    return client.uploads.create({
      metadata: { name: 'notes.txt' },
      spec: { filename: 'notes.txt', contentType: 'text/plain', sizeBytes },
    });
  }

  it('creates, PUTs to uploadUrl, waits until complete, and a memory entry consumes it', async () => {
    const created = await createUpload(BigInt(text.length));
    expect(created.info.status).toBe('UPLOAD_STATUS_PENDING');
    expect(created.spec.sizeBytes).toBe(String(text.length));
    const put = await fetch(created.info.uploadUrl, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain', 'content-length': String(text.length) },
      body: text,
    });
    expect(put.status).toBe(200);
    const id = created.metadata.id;
    const complete = await client.uploads.waitUntilComplete(id, { intervalMs: 20 });
    expect(complete.info.status).toBe('UPLOAD_STATUS_COMPLETE');

    const entry = await client.memoryLayers.entries.create('external_id:docs', {
      metadata: { name: 'notes' },
      spec: { type: 'uploadId', uploadId: id, key: 'notes' },
    });
    expect(JSON.stringify(entry)).toContain('hello, memory layer');

    const { data, response } = await client.uploads.retrieve(id).withResponse();
    expect(response.status).toBe(200);
    expect(data.info.status).toBe('UPLOAD_STATUS_CONSUMED');
    const waited = await client.uploads.waitUntilComplete(id).catch((e: unknown) => e);
    expect(waited).toBeInstanceOf(UploadConsumedError);
    expect(waited).toBeInstanceOf(UploadUnusableError);
    expect(waited).not.toBeInstanceOf(UploadExpiredError);
    expect(waited).toMatchObject({
      name: 'UploadConsumedError',
      uploadId: id,
      message: `Upload ${id} is consumed: it can no longer be used; create a new upload`,
    });
  });

  it('refuses a PUT with another content type (the signature covers it)', async () => {
    const created = await createUpload();
    const put = await fetch(created.info.uploadUrl, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: text,
    });
    expect(put.status).toBe(403);
  });

  it('times out with the last upload seen while it stays pending', async () => {
    const created = await createUpload();
    // lastValue needs one poll to finish in time: 2.5 s leaves room for a busy machine.
    const error = await client.uploads
      .waitUntilComplete(created.metadata.id, { intervalMs: 50, timeoutMs: 2500 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterTimeoutError);
    expect((error as WaiterTimeoutError).lastValue).toMatchObject({
      info: { status: 'UPLOAD_STATUS_PENDING' },
    });
  });

  it('reports an expired upload as UploadExpiredError', async () => {
    await setFaults({ urlTtlSeconds: 1 });
    const created = await createUpload();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const error = await client.uploads
      .waitUntilComplete(created.metadata.id, { intervalMs: 20 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadExpiredError);
    expect(error).toBeInstanceOf(WaiterFailureError);
    expect(error).toMatchObject({
      name: 'UploadExpiredError',
      uploadId: created.metadata.id,
      message: `Upload ${created.metadata.id} is expired: it can no longer be used; create a new upload`,
      value: { info: { status: 'UPLOAD_STATUS_EXPIRED' } },
    });
  });

  it('answers 401 for a bad key, 404 for an unknown upload, 400 for a size the API refuses', async () => {
    const bad = new Cadenya({
      baseURL: sandbox.cadenyaBaseUrl,
      apiKey: 'wrong-key',
      workspaceId: sandbox.credentials.cadenya.workspaceId,
    });
    const unauthorized = await bad.uploads.retrieve('upload_x').catch((e: unknown) => e);
    expect(unauthorized).toBeInstanceOf(AuthenticationError);
    expect(String(unauthorized)).not.toContain('wrong-key');
    const missing = await client.uploads
      .retrieve('upload_01HXKD2E5NQM3T9AYWCFZ05DNK')
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).code).toBe('NOT_FOUND');
    const zero = await createUpload(0).catch((e: unknown) => e);
    expect(zero).toBeInstanceOf(BadRequestError);
  });

  it('retries a 429 with Retry-After', async () => {
    const created = await createUpload();
    await setFaults({ api: { rateLimitRate: 1, retryAfterSeconds: 1, times: 1 } });
    const started = Date.now();
    const read = await client.uploads.retrieve(created.metadata.id);
    expect(read.metadata.id).toBe(created.metadata.id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(await apiRequests()).toEqual(['POST 200', 'GET 429', 'GET 200']);
  });

  it('retries a 503 on GET; POST only with an idempotency key', async () => {
    const created = await createUpload();
    await setFaults({ api: { errorRate: 1, errorStatus: 503, times: 1 } });
    await client.uploads.retrieve(created.metadata.id);
    await setFaults({ api: { errorRate: 1, errorStatus: 503, times: 1 } });
    expect(await createUpload().catch((e: unknown) => e)).toBeInstanceOf(InternalServerError);
    await setFaults({ api: { errorRate: 1, errorStatus: 503, times: 1 } });
    const again = await client.uploads.create(
      {
        metadata: { name: 'n' },
        spec: { filename: 'n.txt', contentType: 'text/plain', sizeBytes: 3 },
      },
      { idempotencyKey: true },
    );
    expect(again.info.status).toBe('UPLOAD_STATUS_PENDING');
    expect(await apiRequests()).toEqual([
      'POST 200',
      'GET 503',
      'GET 200',
      'POST 503',
      'POST 503',
      'POST 200',
    ]);
  });
});
