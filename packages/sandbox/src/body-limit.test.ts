import { request } from 'node:http';
import type { OutgoingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { JSON_BODY_LIMIT } from './body-limit.js';
import { cadenyaBearer, httpRequest, scenarioBasic } from './testing/http.js';
import type { SandboxEndpoint } from './testing/http.js';
import type { TestApp } from './testing/test-app.js';
import { useTestApp, useTestSandbox } from './testing/use-test-sandbox.js';

// On a socket, where the body arrives as it is sent: the point is to answer before it ends.
const start = useTestSandbox();

/**
 * Sends the headers and `send` bytes of body, then waits for the answer without ever finishing
 * the body: an answer can only come from a server that did not wait for the whole body.
 */
function answerWhileStillSending(
  url: string,
  headers: OutgoingHttpHeaders,
  send: number,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        req.destroy();
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    for (let sent = 0; sent < send; sent += 64 * 1024) {
      req.write(Buffer.alloc(Math.min(64 * 1024, send - sent), 0x20));
    }
  });
}

describe('requests without a body length', () => {
  it('get the API’s own 404 or 405, never 500, on every route', async () => {
    const t = await start();
    const ws = t.sandbox.credentials.cadenya.workspaceId;
    const cases = [
      [
        `${t.sandbox.scenarioBaseUrl}/uploads/x`,
        scenarioBasic(t.sandbox),
        404,
        /"code":"NOT_FOUND"/,
      ],
      [
        `${t.sandbox.cadenyaBaseUrl}/v1/workspaces/${ws}/uploads/x`,
        cadenyaBearer(t.sandbox),
        404,
        /"code":5/,
      ],
      [
        `${t.sandbox.storageUrl}/cadenya-uploads/k`,
        undefined,
        405,
        /<Code>MethodNotAllowed<\/Code>/,
      ],
      [`${t.sandbox.inspectionUrl}/objects`, undefined, 404, /"error":"Not Found"/],
      [`${t.sandbox.url}/elsewhere`, undefined, 404, /"error":"Not Found"/],
    ] as const;
    for (const [url, auth, status, body] of cases) {
      const headers = auth ? { authorization: auth } : {};
      // Node's client sends a DELETE without Content-Length (and without Transfer-Encoding).
      const deleted = await httpRequest(url, { method: 'DELETE', headers });
      expect([url, deleted.status]).toEqual([url, status]);
      expect(deleted.text).toMatch(body);
      // A chunked body of an unknown method: read, then refused like any unknown route.
      const patched = await httpRequest(url, {
        method: 'PATCH',
        headers,
        body: Readable.from([Buffer.from('{}')]),
      });
      expect([url, patched.status]).toEqual([url, status]);
    }
    expect(t.logger.lines.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('read a chunked JSON body like one with Content-Length', async () => {
    const t = await start();
    const scenario = await httpRequest(`${t.sandbox.scenarioBaseUrl}/uploads`, {
      method: 'POST',
      headers: { authorization: scenarioBasic(t.sandbox), 'content-type': 'application/json' },
      body: Readable.from([Buffer.from('{"huggingFaceModelName":'), Buffer.from('"a/b"}')]),
    });
    expect(scenario.status).toBe(200);
    expect(JSON.parse(scenario.text).upload).toMatchObject({ source: 'huggingface' });
    const ws = t.sandbox.credentials.cadenya.workspaceId;
    const cadenya = await httpRequest(`${t.sandbox.cadenyaBaseUrl}/v1/workspaces/${ws}/uploads`, {
      method: 'POST',
      headers: { authorization: cadenyaBearer(t.sandbox), 'content-type': 'application/json' },
      body: Readable.from([
        Buffer.from('{"metadata":{"name":"n"},'),
        Buffer.from('"spec":{"filename":"f","contentType":"text/plain","sizeBytes":"1"}}'),
      ]),
    });
    expect(cadenya.status).toBe(200);
    const faults = await httpRequest(`${t.sandbox.inspectionUrl}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Readable.from([Buffer.from('{"seed":'), Buffer.from('7}')]),
    });
    expect([faults.status, JSON.parse(faults.text)]).toEqual([200, { seed: 7 }]);
  });
});

const ROUTES = [
  ['Scenario', (t: SandboxEndpoint) => `${t.scenarioBaseUrl}/uploads`, 413, /"status":413/],
  [
    'Cadenya',
    (t: SandboxEndpoint) =>
      `${t.cadenyaBaseUrl}/v1/workspaces/${t.credentials.cadenya.workspaceId}/uploads`,
    400,
    /"code":3,"message":"request body too large"/,
  ],
  ['inspection', (t: SandboxEndpoint) => `${t.inspectionUrl}/faults`, 413, /too large/],
] as const;

describe('bodies over the limit', () => {
  const ways = [
    [
      'a declared length over the limit is refused before the body is read',
      { 'content-length': 10 * 1024 * 1024 },
      1024,
    ],
    [
      'a chunked body is refused once it passes the limit, before it ends',
      { 'transfer-encoding': 'chunked' },
      JSON_BODY_LIMIT + 64 * 1024,
    ],
  ] as const;

  it.each(ROUTES.flatMap((route) => ways.map((way) => [route[0], way[0], route, way] as const)))(
    '%s: %s',
    async (_api, _way, [, url, status, body], [, headers, send]) => {
      const t = await start();
      const res = await answerWhileStillSending(
        url(t.sandbox),
        { 'content-type': 'application/json', ...headers },
        send,
      );
      expect(res.status).toBe(status);
      expect(res.text).toMatch(body);
    },
  );
});

describe('JSON bodies in-process (`app.request()`, a Web Request without node behind it)', () => {
  const startApp = useTestApp();

  /** A body in chunks, of no declared length. */
  const stream = (...chunks: string[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(Buffer.from(chunk));
        controller.close();
      },
    });

  const post = (t: TestApp, url: string, body: ReadableStream<Uint8Array> | string) =>
    t.request(url, {
      method: 'POST',
      headers: { authorization: scenarioBasic(t.sandbox), 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);

  it('reads a streamed body like one with a length', async () => {
    const t = await startApp();
    const res = await post(
      t,
      `${t.sandbox.scenarioBaseUrl}/uploads`,
      stream('{"huggingFaceModelName":', '"a/b"}'),
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { upload: object }).upload).toMatchObject({
      source: 'huggingface',
    });
  });

  it.each(ROUTES)(
    '%s: refuses a streamed body once it passes the limit',
    async (_api, url, status, body) => {
      const t = await startApp();
      const chunk = ' '.repeat(64 * 1024);
      const res = await post(t, url(t.sandbox), stream(...Array<string>(17).fill(chunk)));
      expect(res.status).toBe(status);
      expect(await res.text()).toMatch(body);
    },
  );
});
