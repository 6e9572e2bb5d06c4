// The credential leaks of issue 11, tried as a hostile server (or a careless caller) would. Each
// test failed before the fix it names.
import { describe, expect, it } from 'vitest';
import { basicAuth } from './auth/basic.js';
import { bearerAuth } from './auth/bearer.js';
import { createHttpClient } from './http-client.js';
import { send } from './send.js';
import { fakeFetch, jsonResponse, redirectTo } from './testing/fake-fetch.js';
import { captureLogger, sendJson, useServers, type Handler } from './testing/loopback-server.js';
import { getUpload, UPLOAD } from './testing/operations.js';

const KEY = 'sk_live_key_4f1c2e';
const SECRET = 'sk_live_secret_9d8e7f';
const HEADER_SECRET = 'x_api_key_6a5b4c3d';
const BASIC = Buffer.from(`${KEY}:${SECRET}`).toString('base64');

const serve = useServers();

const ok: Handler = (_req, res) => res.writeHead(200).end('ok');
const get = { path: { uploadId: 'upload_1' } };

describe('send(): credentials go only to the base URL path', () => {
  it('keeps auth and default headers from storage on the API origin (the sandbox layout)', async () => {
    const server = await serve(ok);
    const client = createHttpClient({
      baseURL: `${server.url}/scenario/v1`,
      auth: basicAuth(KEY, SECRET),
      defaultHeaders: { 'x-api-key': HEADER_SECRET },
    });
    await send(client, { method: 'PUT', url: `${server.url}/storage/bucket/key`, body: 'b' });
    // A relative path climbing out of the base path is the same storage URL.
    await send(client, { method: 'PUT', url: '/../../storage/bucket/key', body: 'b' });
    await send(client, { method: 'GET', url: `${server.url}/scenario/v10/x` });
    for (const request of server.requests) {
      expect(request.headers['authorization'], request.url).toBeUndefined();
      expect(request.headers['x-api-key'], request.url).toBeUndefined();
    }
    expect(server.requests.map((r) => r.url)).toEqual([
      '/storage/bucket/key',
      '/storage/bucket/key',
      '/scenario/v10/x',
    ]);
  });

  it('never sends them with a presigned URL, even one under the base path', async () => {
    const server = await serve(ok);
    const client = createHttpClient({
      baseURL: server.url,
      auth: bearerAuth(SECRET),
      defaultHeaders: { 'x-api-key': HEADER_SECRET },
    });
    for (const query of [
      'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc',
      'x-goog-signature=abc',
      'sv=2024&sig=abc',
      'AWSAccessKeyId=AKIA&Signature=abc&Expires=1',
    ]) {
      await send(client, { method: 'PUT', url: `${server.url}/v1/parts/1?${query}`, body: 'b' });
    }
    expect(server.requests).toHaveLength(4);
    for (const request of server.requests) {
      expect(request.headers['authorization'], request.url).toBeUndefined();
      expect(request.headers['x-api-key'], request.url).toBeUndefined();
    }
  });

  it('still sends them to paths under the base URL', async () => {
    const server = await serve(ok);
    const client = createHttpClient({
      baseURL: `${server.url}/scenario/v1`,
      auth: bearerAuth(SECRET),
      defaultHeaders: { 'x-api-key': HEADER_SECRET },
    });
    await send(client, { method: 'GET', url: '/uploads' });
    await send(client, { method: 'GET', url: `${server.url}/scenario/v1/uploads?limit=1` });
    for (const request of server.requests) {
      expect(request.headers['authorization']).toBe(`Bearer ${SECRET}`);
      expect(request.headers['x-api-key']).toBe(HEADER_SECRET);
    }
  });
});

describe('redirects', () => {
  it('carry no default header or auth to another origin', async () => {
    const elsewhere = await serve(ok);
    const api = await serve((_req, res) =>
      res.writeHead(302, { location: `${elsewhere.url}/landing` }).end(),
    );
    const client = createHttpClient({
      baseURL: api.url,
      auth: bearerAuth(SECRET),
      defaultHeaders: { 'x-api-key': HEADER_SECRET },
      maxRetries: 0,
    });
    await send(client, { method: 'GET', url: '/download' });
    expect(elsewhere.requests).toHaveLength(1);
    expect(elsewhere.requests[0]!.headers['x-api-key']).toBeUndefined();
    expect(elsewhere.requests[0]!.headers['authorization']).toBeUndefined();
  });

  it('keep them within the base URL path, and re-send a replayable body on 307', async () => {
    const api = await serve((req, res) => {
      if (req.url === '/v1/old') res.writeHead(307, { location: '/v1/new' }).end();
      else res.writeHead(200).end(req.body);
    });
    const client = createHttpClient({
      baseURL: `${api.url}/v1`,
      auth: bearerAuth(SECRET),
      defaultHeaders: { 'x-api-key': HEADER_SECRET },
    });
    const response = await send(client, { method: 'POST', url: '/old', body: 'payload' });
    expect(await response.text()).toBe('payload');
    expect(api.requests.map((r) => [r.method, r.url, r.headers['x-api-key']])).toEqual([
      ['POST', '/v1/old', HEADER_SECRET],
      ['POST', '/v1/new', HEADER_SECRET],
    ]);
  });

  it('carry none to a presigned URL, even under the base path, nor out of it; the call’s own headers go on', async () => {
    const api = await serve((req, res) => {
      if (req.url === '/v1/upload') {
        res.writeHead(307, { location: '/v1/parts/1?X-Amz-Signature=s' }).end();
      } else if (req.url!.startsWith('/v1/parts/')) {
        res.writeHead(307, { location: '/storage/key' }).end();
      } else {
        res.writeHead(200).end();
      }
    });
    const client = createHttpClient({
      baseURL: `${api.url}/v1`,
      auth: basicAuth(KEY, SECRET),
      defaultHeaders: { 'x-api-key': HEADER_SECRET },
    });
    await send(client, {
      method: 'PUT',
      url: '/upload',
      body: 'bytes',
      headers: { 'content-type': 'image/png', authorization: 'Bearer per-call' },
    });
    expect(api.requests.map((r) => r.url)).toEqual([
      '/v1/upload',
      '/v1/parts/1?X-Amz-Signature=s',
      '/storage/key',
    ]);
    expect(api.requests[0]!.headers['x-api-key']).toBe(HEADER_SECRET);
    for (const request of api.requests.slice(1)) {
      expect(request.headers['authorization'], request.url).toBeUndefined();
      expect(request.headers['x-api-key'], request.url).toBeUndefined();
      expect(request.headers['content-type'], request.url).toBe('image/png');
      expect(request.body).toBe('bytes');
    }
  });

  it('are not followed from https to http', async () => {
    const { fetch, requests } = fakeFetch((request) =>
      request.url.startsWith('https:')
        ? redirectTo('http://api.example.com/v1/uploads/upload_1')
        : jsonResponse(200, { upload: UPLOAD }),
    );
    const client = createHttpClient({
      baseURL: 'https://api.example.com',
      auth: bearerAuth(SECRET),
      fetch,
      maxRetries: 0,
    });
    const error = await client.request(getUpload, get).catch((e: unknown) => e);
    expect(requests.map((r) => r.url)).toEqual(['https://api.example.com/v1/uploads/upload_1']);
    expect(error).toMatchObject({ name: 'RedirectError', status: 302, reason: 'downgrade' });
  });

  it('stop after a limit', async () => {
    const { fetch, requests } = fakeFetch((request, index) =>
      redirectTo(`${new URL(request.url).origin}/v1/loop/${index + 1}`, 301),
    );
    const client = createHttpClient({ baseURL: 'https://api.example.com', fetch, maxRetries: 0 });
    const error = await send(client, { method: 'GET', url: '/v1/loop/0' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'RedirectError', status: 301, reason: 'limit' });
    // The request and the 5 redirects maxRedirects allows.
    expect(requests).toHaveLength(6);
  });
});

describe('a server echoing the credentials', () => {
  it('does not get them into error messages, bodies or logs', async () => {
    const server = await serve((req, res) =>
      sendJson(res, 400, { message: `bad header ${req.headers['authorization']}` }),
    );
    const { logger, lines } = captureLogger();
    for (const auth of [basicAuth(KEY, SECRET), bearerAuth(SECRET)]) {
      const client = createHttpClient({ baseURL: server.url, auth, logger, logLevel: 'debug' });
      const error = await client.request(getUpload, get).catch((e: unknown) => e);
      const texts = [
        (error as Error).message,
        JSON.stringify((error as { body: unknown }).body),
        JSON.stringify(error),
        lines.join('\n'),
      ];
      for (const text of texts) {
        for (const secret of [BASIC, SECRET, KEY]) expect(text).not.toContain(secret);
      }
      expect((error as Error).message).toMatch(/: bad header (Basic |Bearer )?REDACTED$/);
    }
  });

  it('does not get default header values into messages either', async () => {
    const server = await serve((req, res) =>
      res.writeHead(502).end(`upstream refused key ${req.headers['x-api-key']}`),
    );
    const client = createHttpClient({
      baseURL: server.url,
      defaultHeaders: { 'x-api-key': HEADER_SECRET },
      maxRetries: 0,
    });
    const error = await client.request(getUpload, get).catch((e: unknown) => e);
    expect((error as Error).message).toContain('upstream refused key REDACTED');
    expect(JSON.stringify((error as { body: unknown }).body)).not.toContain(HEADER_SECRET);
  });
});

describe('response size', () => {
  /** A body of `size` bytes served lazily, counting what was pulled. */
  function hugeBody(size: number, declareLength: boolean) {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    const prefix = new TextEncoder().encode(
      '{"upload":{"id":"upload_1","status":"pending","fileName":"',
    );
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) {
          sent += prefix.length;
          controller.enqueue(prefix);
        } else if (sent < size) {
          sent += chunk.length;
          controller.enqueue(chunk);
        } else {
          controller.enqueue(new TextEncoder().encode('"}}'));
          controller.close();
        }
      },
    });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (declareLength) headers['content-length'] = String(size + prefix.length + 3);
    return { response: new Response(stream, { status: 200, headers }), pulled: () => sent };
  }

  it('refuses a body over the limit without reading the rest', async () => {
    let body = hugeBody(50 * 1024 * 1024, false);
    const { fetch } = fakeFetch(() => body.response);
    const client = createHttpClient({ baseURL: 'https://api.example.com', fetch, maxRetries: 0 });
    const error = await client.request(getUpload, get).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ResponseTooLargeError' });
    expect(body.pulled()).toBeLessThan(8 * 1024 * 1024);

    // A declared length over the limit is refused before reading anything.
    body = hugeBody(50 * 1024 * 1024, true);
    const declared = await client.request(getUpload, get).catch((e: unknown) => e);
    expect(declared).toMatchObject({ name: 'ResponseTooLargeError' });
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024 + 100);

    // The limit is the client's, and a call's.
    body = hugeBody(50 * 1024 * 1024, false);
    const small = createHttpClient({ baseURL: 'https://x.test', fetch, maxResponseBytes: 1000 });
    await expect(small.request(getUpload, get)).rejects.toMatchObject({
      name: 'ResponseTooLargeError',
      maxResponseBytes: 1000,
      status: 200,
    });
    expect(body.pulled()).toBeLessThan(200 * 1024);
    body = hugeBody(50 * 1024 * 1024, false);
    const error2 = await client
      .request(getUpload, get, { maxResponseBytes: 10 })
      .catch((e: unknown) => e);
    expect(error2).toMatchObject({ name: 'ResponseTooLargeError', maxResponseBytes: 10 });
  });
});
