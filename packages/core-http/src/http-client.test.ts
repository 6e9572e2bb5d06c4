import { getEventListeners } from 'node:events';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { bearerAuth } from './auth/bearer.js';
import { ConfigurationError } from './errors/configuration-error.js';
import { RequestValidationError } from './errors/request-validation-error.js';
import { createHttpClient, HttpClient } from './http-client.js';
import { sendJson, useServers, type Handler } from './testing/loopback-server.js';
import { createUpload, deleteUpload, getUpload, headUpload, UPLOAD } from './testing/operations.js';
import { VERSION } from './version.js';

const serve = useServers();

const uploadResponse: Handler = (_req, res) => sendJson(res, 200, { upload: UPLOAD });

describe('HttpClient: requests', () => {
  it('encodes path parameters and writes the query on the wire', async () => {
    const server = await serve(uploadResponse);
    const client = createHttpClient({ baseURL: `${server.url}/api` });
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
      baseURL: server.url,
      auth: bearerAuth('token_1'),
      userAgent: '@upkit/test-client/1.2.3',
      defaultHeaders: { 'x-team': 'a', 'x-drop': 'me' },
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
    const client = createHttpClient({ baseURL: server.url, userAgentHeader: 'x-upkit-user-agent' });
    await client.request(getUpload, { path: { uploadId: 'u' } });
    expect(server.requests[0]!.headers['x-upkit-user-agent']).toBe(`@upkit/core-http/${VERSION}`);
    expect(server.requests[0]!.headers['user-agent']).not.toContain('@upkit');
  });

  it('sends a validated JSON body', async () => {
    const server = await serve((_req, res) => sendJson(res, 201, { upload: UPLOAD }));
    const client = createHttpClient({ baseURL: server.url });
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
    const client = createHttpClient({ baseURL: server.url });
    const bad = await client
      .request(createUpload, { body: { fileName: '', parts: 0, extra: 1 } as never })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(RequestValidationError);
    const paths = (bad as RequestValidationError).issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['body.fileName', 'body.parts', 'body']));
    await expect(client.request(getUpload, { path: {} })).rejects.toThrow(
      'getUpload: invalid request: path.uploadId: missing path parameter',
    );
    // Every problem at once, each error naming the operation, whatever part it is about.
    const all = await client
      .request(
        createUpload,
        { body: { fileName: 'a', parts: 1 }, query: { projectId: { a: 1 } } },
        { headers: { 'x-a': 'b\nc' } },
      )
      .catch((e: unknown) => e);
    expect(all).toMatchObject({ operationId: 'createUpload' });
    expect((all as RequestValidationError).issues.map((issue) => issue.path)).toEqual([
      ['query', 'projectId'],
      ['headers', 'x-a'],
    ]);
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
    const client = createHttpClient({ baseURL: server.url });
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
      baseURL: server.url,
      fetch: (url, init) => {
        seen.push(url);
        return fetch(url, init);
      },
    });
    await client.request(getUpload, { path: { uploadId: 'u' } });
    expect(seen).toEqual([`${server.url}/v1/uploads/u`]);
  });

  it('gives the request id with the data, and the raw response unread with asResponse()', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 200, { upload: UPLOAD }, { 'x-request-id': 'req_42' }),
    );
    const client = createHttpClient({ baseURL: server.url });
    const data = await client.request(getUpload, { path: { uploadId: 'u' } });
    expect(data._request_id).toBe('req_42');
    expect(JSON.stringify(data)).toBe(JSON.stringify({ upload: UPLOAD }));
    expect({ ...data }).toEqual({ upload: UPLOAD });
    const { requestId } = await client
      .request(getUpload, { path: { uploadId: 'u' } })
      .withResponse();
    expect(requestId).toBe('req_42');

    const controller = new AbortController();
    const response = await client
      .request(getUpload, { path: { uploadId: 'u' } }, { signal: controller.signal })
      .asResponse();
    expect(response.bodyUsed).toBe(false);
    // The caller's signal stays on the unread body, and lets go once it is read.
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    expect(await response.json()).toEqual({ upload: UPLOAD });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('takes every per-call option under the client’s name for it', async () => {
    const server = await serve(uploadResponse);
    const other = await serve((_req, res) =>
      sendJson(res, 200, { upload: { ...UPLOAD, id: 'b' } }),
    );
    const client = createHttpClient({ baseURL: server.url, timeout: 1000 });
    const data = await client.request(
      getUpload,
      { path: { uploadId: 'u' } },
      { baseURL: other.url, timeout: 2000, deadline: 5000, maxRetries: 0, maxResponseBytes: 1e6 },
    );
    expect(data.upload.id).toBe('b');
    await expect(
      client.request(getUpload, { path: { uploadId: 'u' } }, { timeout: -1 }),
    ).rejects.toMatchObject({ name: 'ConfigurationError', option: 'timeout' });
    await expect(
      client.request(getUpload, { path: { uploadId: 'u' } }, { baseURL: 'http://x.example.com' }),
    ).rejects.toMatchObject({ name: 'ConfigurationError', option: 'baseURL' });
    await expect(
      client.request(
        getUpload,
        { path: { uploadId: 'u' } },
        { fetchOptions: { method: 'POST' } as never },
      ),
    ).rejects.toMatchObject({ name: 'ConfigurationError', option: 'fetchOptions' });
  });

  it('checks its configuration', () => {
    expect(() => createHttpClient({ baseURL: 'http://api.example.com' })).toThrow(
      ConfigurationError,
    );
    expect(
      createHttpClient({ baseURL: 'http://api.example.com', allowInsecureHttp: true }),
    ).toBeInstanceOf(HttpClient);
    expect(() => createHttpClient({ baseURL: 'https://x.test', maxRetries: -1 })).toThrow(
      /maxRetries/,
    );
    expect(() => createHttpClient({ baseURL: 'https://x.test', userAgent: 'bad\nua' })).toThrow(
      /userAgent/,
    );
    expect(() =>
      createHttpClient({ baseURL: 'https://x.test', defaultHeaders: { 'x-a': 'b\nc' } }),
    ).toThrow(ConfigurationError);
    expect(() =>
      createHttpClient({ baseURL: 'https://x.test', validation: 'loose' as 'strict' }),
    ).toThrow(/validation/);
    expect(() => createHttpClient({ baseURL: 'https://x.test', timeout: Number.NaN })).toThrow(
      /timeout must be a non-negative number/,
    );
    expect(() =>
      createHttpClient({ baseURL: 'https://x.test', fetchOptions: { signal: null } as never }),
    ).toThrow(/fetchOptions.signal cannot be set/);
    expect(() => createHttpClient({})).toThrow(/Missing baseURL/);
  });
});
