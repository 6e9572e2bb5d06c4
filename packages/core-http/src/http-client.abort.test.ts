import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APITimeoutError } from './errors/api-timeout-error.js';
import { APIUserAbortError } from './errors/api-user-abort-error.js';
import { createHttpClient } from './http-client.js';
import { sleep } from './abort/sleep.js';
import { fakeFetch, jsonResponse } from './testing/fake-fetch.js';
import { limitedFetch } from './testing/limited-fetch.js';
import { sendJson, useServers, type Handler } from './testing/loopback-server.js';
import { getUpload, UPLOAD } from './testing/operations.js';
import { processEventsDuring } from './testing/process-events.js';

const serve = useServers();
const get = { path: { uploadId: 'upload_1' } };
/** Never answers (the server closes the socket at the end of the test). */
const hang: Handler = () => {};
/** A fetch answer that never comes (the fake fetch rejects it when the signal aborts). */
const never = () => new Promise<Response>(() => {});

/** A handler that never answers, and a promise of its `count`th request. */
function hangAfter(count: number) {
  let arrived = (): void => {};
  const reached = new Promise<void>((resolve) => (arrived = resolve));
  const handler: Handler = (_req, _res, index) => {
    if (index + 1 === count) arrived();
  };
  return { handler, reached };
}

describe('timeouts (on virtual time)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('times an attempt out and retries it', async () => {
    vi.useFakeTimers();
    const { fetch, requests } = fakeFetch((_request, index) =>
      index === 0 ? never() : jsonResponse(200, { upload: UPLOAD }),
    );
    const client = createHttpClient({
      baseURL: 'https://api.example.com',
      fetch,
      timeout: 300,
      sleep: async () => {},
    });
    const pending = client.request(getUpload, get);
    await vi.advanceTimersByTimeAsync(299);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toEqual({ upload: UPLOAD });
    expect(requests).toHaveLength(2);
  });

  it('reports an attempt timeout, also while the body is streaming', async () => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch(() => {
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(new TextEncoder().encode('{"upload":')),
      });
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    });
    const client = createHttpClient({
      baseURL: 'https://api.example.com',
      fetch,
      timeout: 50,
      maxRetries: 0,
    });
    const pending = client.request(getUpload, get).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(50);
    const error = await pending;
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error).toMatchObject({ kind: 'attempt', timeoutMs: 50 });
    expect((error as Error).message).toBe(
      'GET https://api.example.com/v1/uploads/upload_1 → request timed out after 50 ms',
    );
  });

  it('stops at the total deadline, across retries and backoff', async () => {
    vi.useFakeTimers();
    const { fetch, requests } = fakeFetch(never);
    const client = createHttpClient({
      baseURL: 'https://api.example.com',
      fetch,
      timeout: 100,
      initialRetryDelayMs: 1,
    });
    const pending = client
      .request(getUpload, get, { deadline: 400, maxRetries: 100 })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(400);
    const error = await pending;
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error).toMatchObject({ kind: 'deadline', timeoutMs: 400 });
    // Attempts start at 0, 100, 200 and 300 ms (a backoff under 1 ms rounds to 0); the deadline
    // ends the fourth, where 101 attempts would otherwise have taken 10 s.
    expect(requests).toHaveLength(4);
  });
});

describe('abort', () => {
  it('sends nothing when the signal has already aborted', async () => {
    const server = await serve(hang);
    const client = createHttpClient({ baseURL: server.url });
    const error = await client
      .request(getUpload, get, { signal: AbortSignal.abort('not needed') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error).toMatchObject({ method: 'GET', url: `${server.url}/v1/uploads/upload_1` });
    expect((error as Error).cause).toBe('not needed');
    expect(server.requests).toHaveLength(0);
  });

  it('aborts a request in flight at once', async () => {
    const { handler, reached } = hangAfter(1);
    const server = await serve(handler);
    const client = createHttpClient({ baseURL: server.url });
    const controller = new AbortController();
    const pending = client
      .request(getUpload, get, { signal: controller.signal })
      .catch((e: unknown) => e);
    await reached;
    controller.abort(new Error('user left'));
    const error = await pending;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(((error as Error).cause as Error).message).toBe('user left');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('aborts the wait before a retry', async () => {
    const server = await serve((_req, res) => sendJson(res, 503, {}));
    const controller = new AbortController();
    const waits: number[] = [];
    // The backoff itself, observed: the caller aborts once the client has started waiting.
    const client = createHttpClient({
      baseURL: server.url,
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
    const server = await serve((_req, res) => sendJson(res, 200, { upload: UPLOAD }));
    // 1000 calls in flight on our side; on the wire, 100 at a time (file descriptors are finite).
    const client = createHttpClient({ baseURL: server.url, fetch: limitedFetch(100) });
    const controller = new AbortController();
    const { signal } = controller;
    let inFlight = -1;
    const warnings = await processEventsDuring('warning', async () => {
      const calls = Array.from({ length: 1000 }, () => client.request(getUpload, get, { signal }));
      inFlight = getEventListeners(signal, 'abort').length;
      const results = await Promise.all(calls);
      expect(results).toHaveLength(1000);
    });
    expect(inFlight).toBe(1);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    expect(warnings).toEqual([]);
    expect(server.requests).toHaveLength(1000);
  });

  it('aborts every call sharing a signal at once', async () => {
    // 100 requests reach the server (the fetch lets no more through), 100 wait their turn.
    const { handler, reached } = hangAfter(100);
    const server = await serve(handler);
    const client = createHttpClient({ baseURL: server.url, fetch: limitedFetch(100) });
    const controller = new AbortController();
    const warnings = await processEventsDuring('warning', async () => {
      const calls = Array.from({ length: 200 }, () =>
        client.request(getUpload, get, { signal: controller.signal }),
      );
      await reached;
      controller.abort();
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
