import { createHash } from 'node:crypto';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { cadenyaCall, httpRequest, inspect, parseS3Error, scenarioCall } from '../testing/http.js';
import { openTestApp } from '../testing/test-app.js';
import { TEST_ORIGIN } from '../testing/test-context.js';
import type { SandboxOptions } from '../options.js';
import type { TestApp } from '../testing/test-app.js';
import { startTestSandbox } from '../testing/test-sandbox.js';
import type { TestSandbox } from '../testing/test-sandbox.js';
import { presignPut } from './sigv4.js';

let current: TestSandbox | undefined;
let inProcess: TestApp | undefined;
afterEach(async () => {
  await current?.sandbox.close();
  await inProcess?.close();
  current = undefined;
  inProcess = undefined;
});

const BODY = Buffer.from('0123456789abcdefghij');

async function cadenyaUpload(contentType = 'application/octet-stream', size = BODY.length) {
  current = await startTestSandbox();
  const t = current;
  const res = await cadenyaCall(
    t.sandbox,
    'POST',
    `/v1/workspaces/${t.sandbox.credentials.cadenya.workspaceId}/uploads`,
    {
      body: {
        metadata: { name: 'blob' },
        spec: { filename: 'blob.bin', contentType, sizeBytes: String(size) },
      },
    },
  );
  expect(res.status).toBe(200);
  return {
    t,
    url: res.body.info.uploadUrl as string,
    key: `${res.body.metadata.workspaceId}/${res.body.metadata.id}`,
  };
}

function expectS3Error(
  res: { status: number; headers: Record<string, unknown>; text: string },
  status: number,
  code: string,
) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/xml/);
  expect(res.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Error>')).toBe(true);
  const error = parseS3Error(res.text);
  expect(error['Code']).toBe(code);
  expect(error['Message']).toBeTruthy();
  expect(error['RequestId']).toMatch(/^[0-9A-F]{16}$/);
  return error;
}

/** A Cadenya upload of an in-process app (`app.request()`, no socket). */
async function inProcessUpload(
  contentType = 'application/octet-stream',
  size = BODY.length,
  options: SandboxOptions = {},
) {
  inProcess = await openTestApp(options);
  const t = inProcess;
  const cadenya = t.ctx.credentials.cadenya;
  const res = await t.request(
    `${TEST_ORIGIN}/cadenya/v1/workspaces/${cadenya.workspaceId}/uploads`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${cadenya.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        metadata: { name: 'blob' },
        spec: { filename: 'blob.bin', contentType, sizeBytes: String(size) },
      }),
    },
  );
  expect(res.status).toBe(200);
  const body = (await res.json()) as {
    metadata: { id: string; workspaceId: string };
    info: { uploadUrl: string };
  };
  return { t, url: body.info.uploadUrl, key: `${body.metadata.workspaceId}/${body.metadata.id}` };
}

/** A PUT handled in-process, answered as `httpRequest` answers. */
async function putInProcess(
  t: TestApp,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
) {
  const res = await t.request(url, {
    method: init.method ?? 'PUT',
    headers: init.headers ?? {},
    ...(init.body ? { body: new Uint8Array(init.body) } : {}),
  });
  return {
    status: res.status,
    headers: Object.fromEntries(res.headers) as Record<string, unknown>,
    text: await res.text(),
  };
}

const octets = (length = BODY.length) => ({
  'content-type': 'application/octet-stream',
  'content-length': String(length),
});

describe('storage PUT, in-process', () => {
  it('stores the body and answers 200 with the MD5 ETag; the inspection API has its SHA-256', async () => {
    const { t, url, key } = await inProcessUpload();
    const res = await putInProcess(t, url, { headers: octets(), body: BODY });
    expect(res.status).toBe(200);
    expect(res.headers['etag']).toBe(`"${createHash('md5').update(BODY).digest('hex')}"`);
    const object = await t.request(`${TEST_ORIGIN}/_sandbox/objects/cadenya-uploads/${key}`);
    expect(await object.json()).toMatchObject({
      bucket: 'cadenya-uploads',
      key,
      size: BODY.length,
      sha256: createHash('sha256').update(BODY).digest('hex'),
      contentType: 'application/octet-stream',
    });
    const missing = await t.request(`${TEST_ORIGIN}/_sandbox/objects/cadenya-uploads/nope`);
    expect(missing.status).toBe(404);
  });

  it('stores a body of several MiB: its ETag and SHA-256 are those of the whole body', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024 + 5, 'upkit');
    const { t, url, key } = await inProcessUpload('application/octet-stream', body.length);
    const res = await putInProcess(t, url, { headers: octets(body.length), body });
    expect(res.status).toBe(200);
    expect(res.headers['etag']).toBe(`"${createHash('md5').update(body).digest('hex')}"`);
    const object = await t.request(`${TEST_ORIGIN}/_sandbox/objects/cadenya-uploads/${key}`);
    expect(await object.json()).toMatchObject({
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    });
  });

  it('with discardObjects, keeps sizes and ETags but no bytes: the inspection API says so', async () => {
    const { t, url, key } = await inProcessUpload('application/octet-stream', BODY.length, {
      discardObjects: true,
    });
    const res = await putInProcess(t, url, { headers: octets(), body: BODY });
    expect(res.status).toBe(200);
    expect(res.headers['etag']).toBe(`"${createHash('md5').update(BODY).digest('hex')}"`);
    const object = await t.request(`${TEST_ORIGIN}/_sandbox/objects/cadenya-uploads/${key}`);
    expect(await object.json()).toMatchObject({
      key,
      size: BODY.length,
      sha256: null,
      discarded: true,
    });
    const info = await t.request(`${TEST_ORIGIN}/_sandbox`);
    expect(await info.json()).toMatchObject({ discardObjects: true });
    // The upload itself goes on as usual: the record is all the API needs.
    const cadenya = t.ctx.credentials.cadenya;
    const id = key.split('/')[1]!;
    const upload = await t.request(
      `${TEST_ORIGIN}/cadenya/v1/workspaces/${cadenya.workspaceId}/uploads/${id}`,
      { headers: { authorization: `Bearer ${cadenya.apiKey}` } },
    );
    expect(upload.status).toBe(200);
  });

  it('refuses a tampered signature: 403 SignatureDoesNotMatch', async () => {
    const { t, url } = await inProcessUpload();
    const u = new URL(url);
    const signature = u.searchParams.get('X-Amz-Signature')!;
    u.searchParams.set(
      'X-Amz-Signature',
      `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`,
    );
    const res = await putInProcess(t, u.toString(), { headers: octets(), body: BODY });
    expectS3Error(res, 403, 'SignatureDoesNotMatch');
  });

  it('refuses an expired URL: 403 AccessDenied "Request has expired"', async () => {
    const { t, url } = await inProcessUpload();
    t.clock.advance(901_000);
    const res = await putInProcess(t, url, { headers: octets(), body: BODY });
    const error = expectS3Error(res, 403, 'AccessDenied');
    expect(error['Message']).toBe('Request has expired');
  });

  it('refuses a different Content-Type: 403', async () => {
    const { t, url } = await inProcessUpload('image/png');
    const res = await putInProcess(t, url, {
      headers: { ...octets(), 'content-type': 'image/jpeg' },
      body: BODY,
    });
    expectS3Error(res, 403, 'SignatureDoesNotMatch');
  });

  it('refuses a different Content-Length (and so a body of another length): 403', async () => {
    const { t, url } = await inProcessUpload();
    const shorter = BODY.subarray(0, 10);
    const res = await putInProcess(t, url, { headers: octets(shorter.length), body: shorter });
    expectS3Error(res, 403, 'SignatureDoesNotMatch');
  });

  it('answers other methods with 405 MethodNotAllowed', async () => {
    const { t, url } = await inProcessUpload();
    expectS3Error(await putInProcess(t, url, { method: 'GET' }), 405, 'MethodNotAllowed');
    expectS3Error(await putInProcess(t, url, { method: 'DELETE' }), 405, 'MethodNotAllowed');
  });
});

describe('storage PUT', () => {
  it('refuses a URL signed a year ahead of its clock: 403 AccessDenied "Request is not yet valid"', async () => {
    current = await startTestSandbox();
    const t = current;
    const storage = t.sandbox.credentials.storage;
    const signAt = async (nowMs: number) =>
      (
        await presignPut({
          url: `${t.sandbox.storageUrl}/cadenya-uploads/future/key`,
          accessKeyId: storage.accessKeyId,
          secretAccessKey: storage.secretAccessKey,
          region: 'us-east-1',
          nowMs,
          expiresSeconds: 60,
        })
      ).url;
    const put = async (url: string) =>
      httpRequest(url, { headers: { 'content-length': BODY.length }, body: BODY });
    const ahead = await put(await signAt(t.clock.now() + 365 * 24 * 3_600_000));
    const error = expectS3Error(ahead, 403, 'AccessDenied');
    expect(error).toMatchObject({ Message: 'Request is not yet valid' });
    expect((await inspect(t.sandbox, 'GET', '/objects')).body.objects).toEqual([]);
    // A signer whose clock is a few minutes fast is within S3's 15 minutes of skew.
    expect((await put(await signAt(t.clock.now() + 10 * 60_000))).status).toBe(200);
  });

  it('stores keys of up to 1024 bytes (UTF-8), and refuses longer ones with 400 KeyTooLongError', async () => {
    current = await startTestSandbox();
    const t = current;
    const storage = t.sandbox.credentials.storage;
    const put = async (key: string) => {
      const signed = await presignPut({
        url: `${t.sandbox.storageUrl}/cadenya-uploads/${encodeURI(key)}`,
        accessKeyId: storage.accessKeyId,
        secretAccessKey: storage.secretAccessKey,
        region: 'us-east-1',
        nowMs: t.clock.now(),
        expiresSeconds: 60,
      });
      return httpRequest(signed.url, { headers: { 'content-length': BODY.length }, body: BODY });
    };
    const ascii = `k/${'a'.repeat(298)}`;
    const longest = `k/${'é'.repeat(511)}`;
    expect(Buffer.byteLength(longest)).toBe(1024);
    for (const key of [ascii, longest]) {
      expect((await put(key)).status).toBe(200);
      const object = await inspect(t.sandbox, 'GET', `/objects/cadenya-uploads/${encodeURI(key)}`);
      expect(object.body).toMatchObject({
        key,
        size: BODY.length,
        sha256: createHash('sha256').update(BODY).digest('hex'),
      });
    }
    const error = expectS3Error(await put(`${longest}x`), 400, 'KeyTooLongError');
    expect(error['Message']).toBe('Your key is too long');
    expect((await inspect(t.sandbox, 'GET', '/objects')).body.objects).toHaveLength(2);
    expect(await readdir(join(t.sandbox.dataDir, 'tmp'))).toEqual([]);
    expect(t.logger.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('deletes the temporary file when storing the object fails, and records nothing', async () => {
    const { t, url, key } = await cadenyaUpload();
    // The objects directory is replaced by a file: moving the body into place fails.
    const objects = join(t.sandbox.dataDir, 'objects');
    await rm(objects, { recursive: true });
    await writeFile(objects, '');
    const res = await httpRequest(url, {
      headers: { 'content-type': 'application/octet-stream', 'content-length': BODY.length },
      body: BODY,
    });
    expectS3Error(res, 500, 'InternalError');
    expect(await readdir(join(t.sandbox.dataDir, 'tmp'))).toEqual([]);
    expect((await inspect(t.sandbox, 'GET', `/objects/cadenya-uploads/${key}`)).status).toBe(404);
  });

  it('refuses a chunked body where the length is signed: 403', async () => {
    const { url } = await cadenyaUpload();
    const res = await httpRequest(url, {
      headers: { 'content-type': 'application/octet-stream' },
      body: Readable.from([BODY.subarray(0, 5), BODY.subarray(5)]),
    });
    expectS3Error(res, 403, 'SignatureDoesNotMatch');
  });

  it('stores nothing when the body ends before Content-Length', async () => {
    const { t, url, key } = await cadenyaUpload();
    const u = new URL(url);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(u.port), u.hostname, () => {
        socket.write(
          `PUT ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nContent-Type: application/octet-stream\r\nContent-Length: ${BODY.length}\r\n\r\n`,
        );
        socket.write(BODY.subarray(0, 7));
        // Seven bytes of twenty, then the client's end of the connection.
        socket.end();
      });
      socket.on('error', reject);
      socket.on('close', () => resolve());
      socket.resume();
    });
    // Node answers the cut request itself; the handler is done once the request is logged.
    const { pollUntil } = await import('../testing/http.js');
    await pollUntil(
      () => inspect(t.sandbox, 'GET', '/requests'),
      (r) => r.body.requests.some((e: { method: string }) => e.method === 'PUT'),
    );
    expect((await inspect(t.sandbox, 'GET', `/objects/cadenya-uploads/${key}`)).status).toBe(404);
    expect(await readdir(join(t.sandbox.dataDir, 'tmp'))).toEqual([]);
    const log = (await inspect(t.sandbox, 'GET', '/requests')).body.requests;
    expect(log.at(-1)).toMatchObject({ method: 'PUT', status: 400, routeClass: 'storage' });
  });

  it('refuses a request that also carries Authorization (400 InvalidArgument) and warns loudly without the key', async () => {
    const { t, url } = await cadenyaUpload();
    const secret = `Bearer ${t.sandbox.credentials.cadenya.apiKey}`;
    const res = await httpRequest(url, {
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': BODY.length,
        authorization: secret,
      },
      body: BODY,
    });
    const error = expectS3Error(res, 400, 'InvalidArgument');
    expect(error['Message']).toMatch(/Only one auth mechanism allowed/);
    expect(res.text).not.toContain(t.sandbox.credentials.cadenya.apiKey);
    const warnings = t.logger.lines.filter((line) => line.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/CREDENTIAL LEAK/);
    expect(t.logger.text()).not.toContain(t.sandbox.credentials.cadenya.apiKey);
    expect(t.logger.text()).not.toContain('X-Amz-Signature');
    const log = (await inspect(t.sandbox, 'GET', '/requests')).body.requests;
    expect(log.at(-1)).toMatchObject({ status: 400, authorization: true, routeClass: 'storage' });
  });

  it('refuses Authorization without a presigned query too (400), and a bare PUT with 403', async () => {
    current = await startTestSandbox();
    const url = `${current.sandbox.storageUrl}/cadenya-uploads/some/key`;
    const withAuth = await httpRequest(url, {
      headers: { authorization: 'Basic eDp5', 'content-length': 1 },
      body: 'x',
    });
    expectS3Error(withAuth, 400, 'InvalidArgument');
    expect(current.logger.lines.some((line) => line.level === 'warn')).toBe(true);
    const bare = await httpRequest(url, { headers: { 'content-length': 1 }, body: 'x' });
    expectS3Error(bare, 403, 'AccessDenied');
  });
});

describe('storage multipart parts', () => {
  async function scenarioUpload(parts = 2) {
    current = await startTestSandbox();
    const t = current;
    const res = await scenarioCall(t.sandbox, 'POST', '/uploads', {
      body: {
        fileName: 'a.bin',
        contentType: 'application/octet-stream',
        fileSize: 40,
        parts,
        kind: 'asset',
      },
    });
    return { t, upload: res.body.upload };
  }

  it('keeps parts apart until complete, then assembles them and deletes the parts', async () => {
    const { t, upload } = await scenarioUpload();
    const whole = Buffer.concat([Buffer.alloc(20, 1), Buffer.alloc(20, 2)]);
    for (const [i, part] of upload.parts.entries()) {
      const res = await httpRequest(part.url, {
        headers: { 'content-length': 20 },
        body: whole.subarray(i * 20, i * 20 + 20),
      });
      expect(res.status).toBe(200);
      expect(res.headers['etag']).toBe(
        `"${createHash('md5')
          .update(whole.subarray(i * 20, i * 20 + 20))
          .digest('hex')}"`,
      );
    }
    const [folder] = await readdir(join(t.sandbox.dataDir, 'parts'));
    expect((await readdir(join(t.sandbox.dataDir, 'parts', folder!))).sort()).toEqual(['1', '2']);
    expect((await inspect(t.sandbox, 'GET', '/objects')).body.objects).toEqual([]);
    await scenarioCall(t.sandbox, 'POST', `/uploads/${upload.id}/action`, {
      body: { action: 'complete' },
    });
    const { pollUntil } = await import('../testing/http.js');
    const done = await pollUntil(
      () => scenarioCall(t.sandbox, 'GET', `/uploads/${upload.id}`),
      (r) => r.body.upload.status !== 'validating',
    );
    expect(done.body.upload.status).toBe('imported');
    const objects = await inspect(t.sandbox, 'GET', '/objects');
    expect(objects.body.objects).toHaveLength(1);
    expect(objects.body.objects[0].sha256).toBe(createHash('sha256').update(whole).digest('hex'));
    expect(await readdir(join(t.sandbox.dataDir, 'parts'))).toEqual([]);
  });

  it('a part PUT racing the complete either counts (200) or is refused (NoSuchUpload), every time', async () => {
    current = await startTestSandbox();
    const t = current;
    const { pollUntil } = await import('../testing/http.js');
    const whole = Buffer.concat([Buffer.alloc(20, 1), Buffer.alloc(20, 2)]);
    const outcomes = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const { upload } = (
        await scenarioCall(t.sandbox, 'POST', '/uploads', {
          body: {
            fileName: 'a.bin',
            contentType: 'application/octet-stream',
            fileSize: 40,
            parts: 2,
            kind: 'asset',
          },
        })
      ).body;
      const put = (n: number) =>
        httpRequest(upload.parts[n - 1].url, {
          headers: { 'content-length': 20 },
          body: whole.subarray((n - 1) * 20, n * 20),
        });
      expect((await put(1)).status).toBe(200);
      const [second, completed] = await Promise.all([
        put(2),
        scenarioCall(t.sandbox, 'POST', `/uploads/${upload.id}/action`, {
          body: { action: 'complete' },
        }),
      ]);
      expect(completed.status).toBe(200);
      const done = await pollUntil(
        () => scenarioCall(t.sandbox, 'GET', `/uploads/${upload.id}`),
        (r) => r.body.upload.status !== 'validating',
      );
      outcomes.add(second.status);
      // The invariant: a part storage acknowledged is in the assembled object.
      if (second.status === 200) {
        expect(done.body.upload.status).toBe('imported');
        const objects = (await inspect(t.sandbox, 'GET', '/objects')).body.objects;
        const object = objects.find((o: { key: string }) => o.key.endsWith(upload.id));
        expect(object.sha256).toBe(createHash('sha256').update(whole).digest('hex'));
      } else {
        expectS3Error(second, 404, 'NoSuchUpload');
        expect(done.body.upload).toMatchObject({ status: 'failed' });
        expect(done.body.upload.errorMessage).toMatch(/part 2 of 2 was never uploaded/);
      }
    }
    expect([...outcomes].every((status) => status === 200 || status === 404)).toBe(true);
    expect(await readdir(join(t.sandbox.dataDir, 'parts'))).toEqual([]);
    expect(await readdir(join(t.sandbox.dataDir, 'tmp'))).toEqual([]);
  });

  it('refuses a part without Content-Length: 411 MissingContentLength', async () => {
    const { upload } = await scenarioUpload();
    const res = await httpRequest(upload.parts[0].url, { body: Readable.from([Buffer.alloc(20)]) });
    expectS3Error(res, 411, 'MissingContentLength');
  });

  it('refuses an unknown multipart upload id (404 NoSuchUpload) and a bad part number (400)', async () => {
    const { t, upload } = await scenarioUpload();
    const storage = t.sandbox.credentials.storage;
    const first = new URL(upload.parts[0].url);
    const sign = async (query: Record<string, string>) => {
      const u = new URL(first.origin + first.pathname);
      for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
      return (
        await presignPut({
          url: u.toString(),
          accessKeyId: storage.accessKeyId,
          secretAccessKey: storage.secretAccessKey,
          region: 'us-east-1',
          nowMs: t.clock.now(),
          expiresSeconds: 60,
        })
      ).url;
    };
    const unknown = await httpRequest(await sign({ partNumber: '1', uploadId: 'NOPE' }), {
      headers: { 'content-length': 1 },
      body: 'x',
    });
    expectS3Error(unknown, 404, 'NoSuchUpload');
    const uploadId = first.searchParams.get('uploadId')!;
    const zero = await httpRequest(await sign({ partNumber: '0', uploadId }), {
      headers: { 'content-length': 1 },
      body: 'x',
    });
    expectS3Error(zero, 400, 'InvalidArgument');
  });
});

describe('CORS', () => {
  it('lets browsers PUT to storage with Content-Type and read the ETag', async () => {
    const { url } = await cadenyaUpload('text/plain');
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'content-type',
    );
    const put = await fetch(url, {
      method: 'PUT',
      headers: { origin: 'http://localhost:5173', 'content-type': 'text/plain' },
      body: BODY,
    });
    expect(put.status).toBe(200);
    expect(put.headers.get('access-control-allow-origin')).toBe('*');
    expect(put.headers.get('access-control-expose-headers')).toContain('ETag');
  });

  it('lets browsers call the APIs with Authorization and read errors', async () => {
    current = await startTestSandbox();
    const preflight = await fetch(`${current.sandbox.scenarioBaseUrl}/uploads`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );
    const refused = await fetch(`${current.sandbox.scenarioBaseUrl}/uploads/x`, {
      headers: { origin: 'http://localhost:5173' },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
  });
});
