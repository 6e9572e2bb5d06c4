import { startSandbox, silentLogger, type Sandbox } from '@upkit/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  RequestValidationError,
  Scenario,
  UploadFailedError,
  WaiterFailureError,
  WaiterTimeoutError,
} from './index.js';

/**
 * What an upload reads once it has left `pending`: the sandbox moves it on by itself after 20 ms,
 * so a response that took longer on a busy machine may already show a later state.
 */
const PROCESSING = ['validating', 'validated', 'imported'];

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size).map((_, i) => (i * 31) % 251);
  bytes.set(PNG_MAGIC);
  return bytes;
}

describe('Scenario against @upkit/sandbox', () => {
  let sandbox: Sandbox;
  let client: Scenario;

  async function setFaults(settings: unknown): Promise<void> {
    const res = await fetch(`${sandbox.inspectionUrl}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(settings),
    });
    expect(res.ok).toBe(true);
  }

  async function apiRequests(): Promise<{ method: string; path: string; status: number }[]> {
    const res = await fetch(`${sandbox.inspectionUrl}/requests`);
    const { requests } = (await res.json()) as {
      requests: { method: string; path: string; status: number; routeClass: string }[];
    };
    return requests.filter((r) => r.routeClass === 'api');
  }

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      logger: silentLogger,
      // Held to the document's exact wire format, not to what the real service lets pass.
      strict: true,
      scenario: { minPartSize: 1024, validatingDelayMs: 20, importDelayMs: 20 },
    });
    const { apiKey, apiSecret, projectId } = sandbox.credentials.scenario;
    client = new Scenario({ baseURL: sandbox.scenarioBaseUrl, apiKey, apiSecret, projectId });
  });
  afterAll(async () => {
    await sandbox.close();
  });
  beforeEach(async () => {
    await setFaults({});
    await fetch(`${sandbox.inspectionUrl}/requests`, { method: 'DELETE' });
  });

  async function createAndPut(
    bytes: Uint8Array<ArrayBuffer>,
    contentType = 'image/png',
  ): Promise<string> {
    const { upload } = await client.uploads.create({
      fileName: 'tile.png',
      contentType,
      fileSize: bytes.length,
      parts: 2,
      kind: 'image',
    });
    expect(upload.status).toBe('pending');
    expect(upload.parts?.map((p) => p.number)).toEqual([1, 2]);
    for (const part of upload.parts ?? []) {
      const slice = bytes.subarray((part.number - 1) * 1024, part.number * 1024);
      const res = await fetch(part.url, {
        method: 'PUT',
        headers: { 'content-type': contentType },
        body: slice,
      });
      expect(res.status).toBe(200);
    }
    return upload.id;
  }

  it('creates, uploads the parts, completes and waits until imported', async () => {
    const id = await createAndPut(pngBytes(1500));
    const completed = await client.uploads.complete(id);
    expect(PROCESSING).toContain(completed.upload.status);
    const imported = await client.uploads.waitForProcessing(id, { intervalMs: 20 });
    expect(imported.status).toBe('imported');
    expect(imported.entityId).toMatch(/^asset_/);
    const { data, response } = await client.uploads.retrieve(id).withResponse();
    expect(response.status).toBe(200);
    expect(data.upload).toMatchObject({ id, status: 'imported', entityId: imported.entityId });
  });

  it('rejects with UploadFailedError carrying errorMessage when processing fails', async () => {
    const id = await createAndPut(new Uint8Array(1500)); // not a PNG
    await client.uploads.triggerAction(id, { action: 'complete' });
    // lastValue needs one poll to finish in time: 2.5 s leaves room for a busy machine.
    const error = await client.uploads
      .waitForProcessing(id, { intervalMs: 20 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadFailedError);
    expect(error).toBeInstanceOf(WaiterFailureError);
    const failed = error as UploadFailedError;
    expect(failed.errorMessage).toBeTruthy();
    expect(failed.value.status).toBe('failed');
    expect(failed.message).toContain(failed.errorMessage);
  });

  it('times out with WaiterTimeoutError carrying the last upload seen', async () => {
    const id = await createAndPut(pngBytes(1500)); // never completed: stays pending
    const error = await client.uploads
      .waitForProcessing(id, { intervalMs: 50, timeoutMs: 2500 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterTimeoutError);
    expect((error as WaiterTimeoutError).lastValue).toMatchObject({ id, status: 'pending' });
  });

  it('answers 401 for a bad key and 404 for an unknown upload', async () => {
    const bad = new Scenario({
      baseURL: sandbox.scenarioBaseUrl,
      apiKey: 'wrong',
      apiSecret: 'wrong',
      maxRetries: 0,
    });
    const unauthorized = await bad.uploads.retrieve('upload_x').catch((e: unknown) => e);
    expect(unauthorized).toBeInstanceOf(AuthenticationError);
    expect(String(unauthorized)).not.toContain('wrong');
    const missing = await client.uploads.retrieve('upload_nope').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
  });

  it('authenticates with a bearer token', async () => {
    const bearer = new Scenario({
      baseURL: sandbox.scenarioBaseUrl,
      bearerToken: sandbox.credentials.scenario.bearerToken,
    });
    const { upload } = await bearer.uploads.create({
      url: 'https://example.com/a.png',
      kind: 'image',
    });
    expect(PROCESSING).toContain(upload.status);
  });

  it('refuses a missing path parameter before sending', async () => {
    const error = await client.uploads
      .retrieve(undefined as unknown as string)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toContain('uploadId');
    expect(await apiRequests()).toEqual([]);
  });

  it('retries a 429 after its Retry-After', async () => {
    const { upload } = await client.uploads.create({
      url: 'https://example.com/b.png',
      kind: 'image',
    });
    await setFaults({ api: { rateLimitRate: 1, retryAfterSeconds: 1, times: 1 } });
    const started = Date.now();
    const { upload: read } = await client.uploads.retrieve(upload.id);
    expect(read.id).toBe(upload.id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect((await apiRequests()).map((r) => r.status)).toEqual([200, 429, 200]);
  });

  it('retries an injected 503 on GET, but not on POST without an idempotency key', async () => {
    const { upload } = await client.uploads.create({
      url: 'https://example.com/c.png',
      kind: 'image',
    });
    await setFaults({ api: { errorRate: 1, errorStatus: 503, times: 1 } });
    const { upload: read } = await client.uploads.retrieve(upload.id);
    expect(read.id).toBe(upload.id);

    await setFaults({ api: { errorRate: 1, errorStatus: 503, times: 1 } });
    const body = { url: 'https://example.com/d.png', kind: 'image' } as const;
    const error = await client.uploads.create(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);

    await setFaults({ api: { errorRate: 1, errorStatus: 503, times: 1 } });
    const created = await client.uploads.create(body, { idempotencyKey: true });
    expect(PROCESSING).toContain(created.upload.status);

    expect((await apiRequests()).map((r) => `${r.method} ${r.status}`)).toEqual([
      'POST 200',
      'GET 503',
      'GET 200',
      'POST 503',
      'POST 503',
      'POST 200',
    ]);
  });
});
