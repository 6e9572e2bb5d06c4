// The XHR transport on real sockets: `xhr2` is an XMLHttpRequest over node:http, so the requests
// are real ones to the sandbox. A browser's own XHR is exercised by the distribution tests.
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APIConnectionError } from '@upkit/core-http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PartStallError } from '../errors/part-stall-error.js';
import { scenarioTarget, upload } from '../index.js';
import { fileBytes, sha256 } from '../testing/test-bytes.js';
import { startUploaderSandbox } from '../testing/uploader-sandbox.js';
import type { PutRequest } from './part-transport.js';
import { createXhrTransport, parseResponseHeaders, type XhrConstructor } from './xhr-transport.js';

const Xhr2 = createRequire(import.meta.url)('xhr2') as XhrConstructor;
const KiB = 1024;

let env: Awaited<ReturnType<typeof startUploaderSandbox>>;
beforeAll(async () => {
  env = await startUploaderSandbox();
});
afterAll(async () => {
  await env?.close();
});
beforeEach(async () => {
  env.sandbox.setFaults({});
  await env.clearRequests();
});

/** A PUT of `bytes` to `url`, recording what `onSent` reports. */
function putOf(url: string, bytes: Uint8Array, init: Partial<PutRequest> = {}) {
  const sent: number[] = [];
  const request: PutRequest = {
    url,
    headers: { 'content-type': 'application/octet-stream' },
    size: bytes.byteLength,
    chunks: () => [bytes],
    bytes,
    signal: new AbortController().signal,
    onSent: (n) => sent.push(n),
    stallTimeoutMs: 30_000,
    ...init,
  };
  return { request, sent };
}

describe('createXhrTransport', () => {
  it('uploads bit-exact through XHR, with its Content-Type, no Authorization and every part acknowledged', async () => {
    const bytes = fileBytes(9 * KiB + 5, 11);
    const target = scenarioTarget(env.scenario, {
      kind: 'model',
      minPartSize: KiB,
      pollIntervalMs: 10,
    });
    const result = await upload(target, bytes, {
      name: 'xhr.glb',
      partSize: 2 * KiB,
      transport: createXhrTransport(Xhr2),
    });
    expect(result.sha256).toBe(sha256(bytes));
    expect(await env.storedSha(result.uploadId)).toBe(result.sha256);
    const puts = (await env.requests()).filter((r) => r.routeClass === 'storage');
    expect(puts).toHaveLength(5);
    expect(puts.every((r) => r.status === 200 && !r.authorization)).toBe(true);
  });

  it('answers with the status, lower-cased headers and the start of the body', async () => {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(403, { ETag: '"abc"', 'X-Two': 'b' });
        res.end('<Error><Code>AccessDenied</Code></Error>');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { request, sent } = putOf(
        `http://127.0.0.1:${port}/p?X-Amz-Signature=s`,
        fileBytes(10),
      );
      const response = await createXhrTransport(Xhr2).put(request);
      expect(response.status).toBe(403);
      expect(response.headers).toMatchObject({ etag: '"abc"', 'x-two': 'b' });
      expect(response.body).toContain('AccessDenied');
      expect(sent.at(-1)).toBe(10);
    } finally {
      server.close();
    }
  });

  it('cuts a request that makes no progress for stallTimeoutMs with PartStallError', async () => {
    env.sandbox.setFaults({ storage: { latencyMs: 60_000 } });
    const url = `${env.sandbox.storageUrl}/b/k`;
    const { request } = putOf(url, fileBytes(100), { stallTimeoutMs: 100 });
    const error = await createXhrTransport(Xhr2)
      .put(request)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartStallError);
  });

  it('rejects with the signal’s reason when aborted, and with APIConnectionError when refused', async () => {
    env.sandbox.setFaults({ storage: { latencyMs: 60_000 } });
    const url = `${env.sandbox.storageUrl}/b/k`;
    const controller = new AbortController();
    const { request } = putOf(url, fileBytes(100), { signal: controller.signal });
    const pending = createXhrTransport(Xhr2).put(request);
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);

    // A port nobody listens on: taken, then freed.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const refused = putOf(`http://127.0.0.1:${port}/p?X-Amz-Signature=secret`, fileBytes(10));
    const error = await createXhrTransport(Xhr2)
      .put(refused.request)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(String((error as Error).message)).not.toContain('secret');
  });

  it('refuses to start without XMLHttpRequest', () => {
    expect(() => createXhrTransport(undefined as unknown as XhrConstructor)).toThrow(TypeError);
  });
});

describe('parseResponseHeaders', () => {
  it('lower-cases names, trims values and joins repeats', () => {
    expect(parseResponseHeaders('ETag: "x"\r\nX-A: 1\r\nx-a: 2\r\nbad line\r\n')).toEqual({
      etag: '"x"',
      'x-a': '1, 2',
    });
  });
});
