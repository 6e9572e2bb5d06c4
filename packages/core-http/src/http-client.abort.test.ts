import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { APITimeoutError } from './errors/api-timeout-error.js';
import { APIUserAbortError } from './errors/api-user-abort-error.js';
import { createHttpClient } from './http-client.js';
import { sleep } from './abort/sleep.js';
import { limitedFetch } from './testing/limited-fetch.js';
import {
  sendJson,
  startServer,
  type Handler,
  type LoopbackServer,
} from './testing/loopback-server.js';
import { getUpload, UPLOAD } from './testing/operations.js';

const servers: LoopbackServer[] = [];
async function serve(handler: Handler): Promise<LoopbackServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const get = { path: { uploadId: 'upload_1' } };
/** Never answers (the server closes the socket at the end of the test). */
const hang: Handler = () => {};

/** Collects process warnings (MaxListenersExceededWarning among them) while `run` runs. */
async function warningsDuring(run: () => Promise<void>): Promise<Error[]> {
  const warnings: Error[] = [];
  const listener = (warning: Error) => warnings.push(warning);
  process.on('warning', listener);
  try {
    await run();
    // Warnings are emitted on process.nextTick: one turn of the event loop delivers them all.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', listener);
  }
  return warnings;
}

describe('timeouts', () => {
  it('times an attempt out and retries it', async () => {
    const server = await serve((_req, res, index) => {
      if (index > 0) sendJson(res, 200, { upload: UPLOAD });
    });
    // Generous enough that the second attempt's answer cannot time out on a busy machine.
    const client = createHttpClient({
      baseUrl: server.url,
      timeoutMs: 300,
      initialRetryDelayMs: 1,
    });
    expect(await client.request(getUpload, get)).toEqual({ upload: UPLOAD });
    expect(server.requests).toHaveLength(2);
  });

  it('reports an attempt timeout, also while the body is streaming', async () => {
    const slowBody = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"upload":');
    });
    const client = createHttpClient({ baseUrl: slowBody.url, timeoutMs: 50, maxRetries: 0 });
    const error = await client.request(getUpload, get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error).toMatchObject({ kind: 'attempt', timeoutMs: 50 });
    expect((error as Error).message).toBe(
      `GET ${slowBody.url}/v1/uploads/upload_1 → request timed out after 50 ms`,
    );
  });

  it('stops at the total deadline, across retries and backoff', async () => {
    const server = await serve(hang);
    const client = createHttpClient({
      baseUrl: server.url,
      timeoutMs: 100,
      initialRetryDelayMs: 1,
    });
    const started = Date.now();
    const error = await client
      .request(getUpload, get, { deadlineMs: 400, maxRetries: 100 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error).toMatchObject({ kind: 'deadline' });
    // Without the deadline, 101 attempts of 100 ms would take over 10 s.
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
  });
});

describe('abort', () => {
  it('sends nothing when the signal has already aborted', async () => {
    const server = await serve(hang);
    const client = createHttpClient({ baseUrl: server.url });
    const error = await client
      .request(getUpload, get, { signal: AbortSignal.abort('not needed') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as Error).cause).toBe('not needed');
    expect(server.requests).toHaveLength(0);
  });

  it('aborts a request in flight at once', async () => {
    const server = await serve(hang);
    const client = createHttpClient({ baseUrl: server.url });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user left')), 30);
    const started = Date.now();
    const error = await client
      .request(getUpload, get, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(((error as Error).cause as Error).message).toBe('user left');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('aborts the wait before a retry', async () => {
    const server = await serve((_req, res) => sendJson(res, 503, {}));
    const controller = new AbortController();
    const waits: number[] = [];
    // The backoff itself, observed: the caller aborts once the client has started waiting.
    const client = createHttpClient({
      baseUrl: server.url,
      sleep: (ms, signal) => {
        waits.push(ms);
        const waiting = sleep(ms, signal);
        controller.abort();
        return waiting;
      },
    });
    const error = await client
      .request(getUpload, get, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(waits).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('shares one signal between 1000 concurrent calls without leaking listeners', async () => {
    const server = await serve((_req, res) => {
      setTimeout(() => sendJson(res, 200, { upload: UPLOAD }), 5);
    });
    // 1000 calls in flight on our side; on the wire, 100 at a time (file descriptors are finite).
    const client = createHttpClient({ baseUrl: server.url, fetch: limitedFetch(100) });
    const controller = new AbortController();
    const { signal } = controller;
    let inFlight = -1;
    const warnings = await warningsDuring(async () => {
      const calls = Array.from({ length: 1000 }, () => client.request(getUpload, get, { signal }));
      inFlight = getEventListeners(signal, 'abort').length;
      const results = await Promise.all(calls);
      expect(results).toHaveLength(1000);
    });
    expect(inFlight).toBe(1);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
    expect(warnings).toEqual([]);
    expect(server.requests).toHaveLength(1000);
  });

  it('aborts every call sharing a signal at once', async () => {
    const server = await serve(hang);
    const client = createHttpClient({ baseUrl: server.url, fetch: limitedFetch(100) });
    const controller = new AbortController();
    const warnings = await warningsDuring(async () => {
      const calls = Array.from({ length: 200 }, () =>
        client.request(getUpload, get, { signal: controller.signal }),
      );
      setTimeout(() => controller.abort(), 50);
      const results = await Promise.allSettled(calls);
      for (const result of results) {
        expect(result.status).toBe('rejected');
        expect((result as PromiseRejectedResult).reason).toBeInstanceOf(APIUserAbortError);
      }
    });
    expect(warnings).toEqual([]);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
