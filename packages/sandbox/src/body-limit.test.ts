import { request } from 'node:http';
import type { OutgoingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { JSON_BODY_LIMIT } from './body-limit.js';
import { cadenyaBearer, httpRequest, scenarioBasic } from './testing/http.js';
import { startTestSandbox } from './testing/test-sandbox.js';
import type { TestSandbox } from './testing/test-sandbox.js';

let current: TestSandbox | undefined;
afterEach(async () => {
  await current?.sandbox.close();
  current = undefined;
});

async function start() {
  current = await startTestSandbox();
  return current;
}

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

describe('bodies over the limit', () => {
  const routes = [
    ['Scenario', (t: TestSandbox) => `${t.sandbox.scenarioBaseUrl}/uploads`, 413, /"status":413/],
    [
      'Cadenya',
      (t: TestSandbox) =>
        `${t.sandbox.cadenyaBaseUrl}/v1/workspaces/${t.sandbox.credentials.cadenya.workspaceId}/uploads`,
      400,
      /"code":3,"message":"request body too large"/,
    ],
    ['inspection', (t: TestSandbox) => `${t.sandbox.inspectionUrl}/faults`, 413, /too large/],
  ] as const;

  it.each(routes)(
    '%s: a declared length over the limit is refused before the body is read',
    async (_api, url, status, body) => {
      const t = await start();
      const res = await answerWhileStillSending(
        url(t),
        { 'content-type': 'application/json', 'content-length': 10 * 1024 * 1024 },
        1024,
      );
      expect(res.status).toBe(status);
      expect(res.text).toMatch(body);
    },
  );

  it.each(routes)(
    '%s: a chunked body is refused once it passes the limit, before it ends',
    async (_api, url, status, body) => {
      const t = await start();
      const res = await answerWhileStillSending(
        url(t),
        { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        JSON_BODY_LIMIT + 64 * 1024,
      );
      expect(res.status).toBe(status);
      expect(res.text).toMatch(body);
    },
  );
});
