import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { bearerAuth } from './auth/bearer.js';
import { ConfigurationError } from './errors/configuration-error.js';
import { RequestValidationError } from './errors/request-validation-error.js';
import { createHttpClient, HttpClient } from './http-client.js';
import { send } from './send.js';
import { useServers } from './testing/loopback-server.js';

const serve = useServers();

describe('send', () => {
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

  it('sends auth and default headers only under the base URL, the call’s headers anywhere', async () => {
    const api = await serve((_req, res) => res.writeHead(200).end('ok'));
    const storage = await serve((_req, res) => res.writeHead(200).end('stored'));
    const client = createHttpClient({
      baseURL: api.url,
      auth: bearerAuth('token_1'),
      defaultHeaders: { 'x-team': 'a' },
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
    let finish = (): void => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const server = await serve(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('part one, ');
      await finished;
      res.end('part two');
    });
    const client = createHttpClient({ baseURL: server.url });
    const controller = new AbortController();
    const response = await send(client, { method: 'GET', url: '/file', signal: controller.signal });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    finish();
    expect(await response.text()).toBe('part one, part two');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(response.url).toBe(`${server.url}/file`);
  });

  it('sends JSON, and refuses what it cannot send, every problem at once', async () => {
    const server = await serve((req, res) => res.writeHead(200).end(req.body));
    const client = createHttpClient({ baseURL: server.url });
    const echoed = await send(client, { method: 'POST', url: '/echo', json: { a: 1 } });
    expect(await echoed.json()).toEqual({ a: 1 });
    expect(server.requests[0]!.headers['content-type']).toBe('application/json');
    await expect(
      send(client, { method: 'PUT', url: 'http://storage.example.com/x', body: 'b' }),
    ).rejects.toBeInstanceOf(RequestValidationError);
    const error = await send(client, {
      method: 'POST',
      url: 'https://user:pw@x.example.com/',
      body: 'b',
      json: {},
      query: { bad: Number.NaN },
      headers: { 'x-a': 'b\nc' },
    }).catch((e: unknown) => e);
    expect((error as RequestValidationError).issues.map((issue) => issue.path)).toEqual([
      ['query', 'bad'],
      ['url'],
      ['body'],
      ['headers', 'x-a'],
    ]);
    expect((error as Error).message).not.toContain('pw');
    expect(server.requests).toHaveLength(1);
  });
});
