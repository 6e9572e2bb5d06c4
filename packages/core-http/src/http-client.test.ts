import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { bearerAuth } from './auth/bearer.js';
import { ConfigurationError } from './errors/configuration-error.js';
import { RequestValidationError } from './errors/request-validation-error.js';
import { createHttpClient, HttpClient } from './http-client.js';
import { send } from './send.js';
import {
  sendJson,
  startServer,
  type Handler,
  type LoopbackServer,
} from './testing/loopback-server.js';
import { createUpload, deleteUpload, getUpload, headUpload, UPLOAD } from './testing/operations.js';
import { VERSION } from './version.js';

const servers: LoopbackServer[] = [];
async function serve(handler: Handler): Promise<LoopbackServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const uploadResponse: Handler = (_req, res) => sendJson(res, 200, { upload: UPLOAD });

describe('HttpClient: requests', () => {
  it('encodes path parameters and writes the query on the wire', async () => {
    const server = await serve(uploadResponse);
    const client = createHttpClient({ baseUrl: `${server.url}/api` });
    const data = await client.request(getUpload, {
      path: { uploadId: '../a/b c?#%' },
      query: { projectId: 'proj_1', tags: ['x', 'y z'], hide: true, skip: undefined },
    });
    expect(data).toEqual({ upload: UPLOAD });
    expectTypeOf(data.upload.status).toEqualTypeOf<
      'pending' | 'validating' | 'imported' | 'failed'
    >();
    expect(server.requests[0]?.url).toBe(
      '/api/v1/uploads/..%2Fa%2Fb%20c%3F%23%25?projectId=proj_1&tags=x&tags=y%20z&hide=true',
    );
  });

  it('sends auth, the User-Agent, accept and default headers; a call can override them', async () => {
    const server = await serve(uploadResponse);
    const client = createHttpClient({
      baseUrl: server.url,
      auth: bearerAuth('token_1'),
      userAgent: '@upkit/test-client/1.2.3',
      headers: { 'x-team': 'a', 'x-drop': 'me' },
    });
    await client.request(
      getUpload,
      { path: { uploadId: 'u' } },
      { headers: { 'x-team': 'b', 'x-drop': null, 'x-call': '1' } },
    );
    const headers = server.requests[0]!.headers;
    expect(headers['authorization']).toBe('Bearer token_1');
    expect(headers['user-agent']).toBe(`@upkit/test-client/1.2.3 @upkit/core-http/${VERSION}`);
    expect(headers['accept']).toBe('application/json');
    expect(headers['x-team']).toBe('b');
    expect(headers['x-drop']).toBeUndefined();
    expect(headers['x-call']).toBe('1');
    expect(headers['x-upkit-user-agent']).toBeUndefined();
  });

  it('can carry the User-Agent in x-upkit-user-agent (browsers)', async () => {
    const server = await serve(uploadResponse);
    const client = createHttpClient({ baseUrl: server.url, userAgentHeader: 'x-upkit-user-agent' });
    await client.request(getUpload, { path: { uploadId: 'u' } });
    expect(server.requests[0]!.headers['x-upkit-user-agent']).toBe(`@upkit/core-http/${VERSION}`);
    expect(server.requests[0]!.headers['user-agent']).not.toContain('@upkit');
  });

  it('sends a validated JSON body', async () => {
    const server = await serve((_req, res) => sendJson(res, 201, { upload: UPLOAD }));
    const client = createHttpClient({ baseUrl: server.url });
    const { data, response } = await client
      .request(createUpload, { body: { fileName: 'a.png', parts: 2 }, query: { projectId: 'p' } })
      .withResponse();
    expect(data.upload.id).toBe('upload_1');
    expect(response.status).toBe(201);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      url: '/v1/uploads?projectId=p',
      body: '{"fileName":"a.png","parts":2}',
      headers: { 'content-type': 'application/json' },
    });
  });

  it('refuses an invalid body or missing path parameter before sending anything', async () => {
    const server = await serve(uploadResponse);
    const client = createHttpClient({ baseUrl: server.url });
    const bad = await client
      .request(createUpload, { body: { fileName: '', parts: 0, extra: 1 } as never })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(RequestValidationError);
    const paths = (bad as RequestValidationError).issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['body.fileName', 'body.parts', 'body']));
    await expect(client.request(getUpload, { path: {} })).rejects.toThrow(
      'getUpload: invalid request: path.uploadId: missing path parameter',
    );
    await expect(
      client.request(getUpload, { path: { uploadId: 'u' }, body: { a: 1 } as never }),
    ).rejects.toBeInstanceOf(RequestValidationError);
    await expect(
      client.request(getUpload, { path: { uploadId: 'u' } }, { headers: { 'x-a': 'b\r\nc: d' } }),
    ).rejects.toBeInstanceOf(RequestValidationError);
    expect(server.requests).toHaveLength(0);
  });

  it('treats any 2xx as success and an empty or 204 body as undefined', async () => {
    const server = await serve((_req, res, index) => {
      if (index === 0) res.writeHead(204).end();
      else if (index === 1) res.writeHead(200).end();
      else if (index === 2) sendJson(res, 202, { ignored: true });
      else res.writeHead(200, { 'x-exists': '1' }).end();
    });
    const client = createHttpClient({ baseUrl: server.url });
    expect(await client.request(deleteUpload, { path: { uploadId: 'a' } })).toBeUndefined();
    expect(await client.request(getUpload, { path: { uploadId: 'a' } })).toBeUndefined();
    expect(await client.request(deleteUpload, { path: { uploadId: 'a' } })).toBeUndefined();
    const head = await client.request(headUpload, { path: { uploadId: 'a' } }).withResponse();
    expect(head.data).toBeUndefined();
    expect(head.response.headers.get('x-exists')).toBe('1');
    expect(server.requests.map((r) => r.method)).toEqual(['DELETE', 'GET', 'DELETE', 'HEAD']);
  });

  it('uses a custom fetch', async () => {
    const server = await serve(uploadResponse);
    const seen: string[] = [];
    const client = createHttpClient({
      baseUrl: server.url,
      fetch: (url, init) => {
        seen.push(url);
        return fetch(url, init);
      },
    });
    await client.request(getUpload, { path: { uploadId: 'u' } });
    expect(seen).toEqual([`${server.url}/v1/uploads/u`]);
  });

  it('checks its configuration', () => {
    expect(() => createHttpClient({ baseUrl: 'http://api.example.com' })).toThrow(
      ConfigurationError,
    );
    expect(
      createHttpClient({ baseUrl: 'http://api.example.com', allowInsecureHttp: true }),
    ).toBeInstanceOf(HttpClient);
    expect(() => createHttpClient({ baseUrl: 'https://x.test', maxRetries: -1 })).toThrow(
      /maxRetries/,
    );
    expect(() => createHttpClient({ baseUrl: 'https://x.test', userAgent: 'bad\nua' })).toThrow(
      /userAgent/,
    );
    expect(() =>
      createHttpClient({ baseUrl: 'https://x.test', headers: { 'x-a': 'b\nc' } }),
    ).toThrow(ConfigurationError);
    expect(() =>
      createHttpClient({ baseUrl: 'https://x.test', validation: 'loose' as 'strict' }),
    ).toThrow(/validation/);
  });
});

describe('HttpClient.send', () => {
  it('refuses, with a typed error, a client that another copy of core-http created', async () => {
    // Another copy's client has the same shape but not this copy's private state.
    const foreign = Object.create(HttpClient.prototype) as HttpClient;
    const error = await send(foreign, { method: 'GET', url: 'https://example.com/' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ option: 'client' });
    expect((error as Error).message).toMatch(/another copy of @upkit\/core-http/);
  });

  it('sends auth and default headers only to the base origin', async () => {
    const api = await serve((_req, res) => res.writeHead(200).end('ok'));
    const storage = await serve((_req, res) => res.writeHead(200).end('stored'));
    const client = createHttpClient({
      baseUrl: api.url,
      auth: bearerAuth('token_1'),
      headers: { 'x-team': 'a' },
    });
    const own = await send(client, { method: 'GET', url: '/v1/ping' });
    expect(await own.text()).toBe('ok');
    const put = await send(client, {
      method: 'PUT',
      url: `${storage.url}/bucket/key?X-Amz-Signature=abc`,
      body: 'bytes',
      headers: { 'content-type': 'image/png' },
    });
    expect(await put.text()).toBe('stored');
    expect(api.requests[0]!.headers['authorization']).toBe('Bearer token_1');
    expect(api.requests[0]!.headers['x-team']).toBe('a');
    const sent = storage.requests[0]!;
    expect(sent.url).toBe('/bucket/key?X-Amz-Signature=abc');
    expect(sent.body).toBe('bytes');
    expect(sent.headers['authorization']).toBeUndefined();
    expect(sent.headers['x-team']).toBeUndefined();
    expect(sent.headers['content-type']).toBe('image/png');
  });

  it("keeps the caller's signal on the body until it is read, then lets go", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('part one, ');
      setTimeout(() => res.end('part two'), 20);
    });
    const client = createHttpClient({ baseUrl: server.url });
    const controller = new AbortController();
    const response = await send(client, { method: 'GET', url: '/file', signal: controller.signal });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    expect(await response.text()).toBe('part one, part two');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(response.url).toBe(`${server.url}/file`);
  });

  it('sends JSON and refuses plain http to other hosts', async () => {
    const server = await serve((req, res) => res.writeHead(200).end(req.body));
    const client = createHttpClient({ baseUrl: server.url });
    const echoed = await send(client, { method: 'POST', url: '/echo', json: { a: 1 } });
    expect(await echoed.json()).toEqual({ a: 1 });
    expect(server.requests[0]!.headers['content-type']).toBe('application/json');
    await expect(
      send(client, { method: 'PUT', url: 'http://storage.example.com/x', body: 'b' }),
    ).rejects.toBeInstanceOf(RequestValidationError);
  });
});
