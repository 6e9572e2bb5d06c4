import { describe, expect, it } from 'vitest';
import { APIConnectionError } from './errors/api-connection-error.js';
import { BadRequestError } from './errors/bad-request-error.js';
import { InternalServerError } from './errors/internal-server-error.js';
import { RateLimitError } from './errors/rate-limit-error.js';
import { createHttpClient } from './http-client.js';
import { send } from './send.js';
import type { HttpClientConfig } from './config/client-config.js';
import type { Middleware } from './middleware.js';
import { RetryBudget } from './retry/retry-budget.js';
import {
  captureLogger,
  recordingSleep,
  sendJson,
  useServers,
  type Handler,
  type LoopbackServer,
} from './testing/loopback-server.js';
import {
  completeUpload,
  createUpload,
  deleteUpload,
  getUpload,
  UPLOAD,
} from './testing/operations.js';

const serve = useServers();

/** A server failing `failures` times (with `fail`), then answering with an upload. */
async function flaky(
  failures: number,
  fail: Handler = (_req, res) => sendJson(res, 503, { message: 'busy' }),
): Promise<LoopbackServer> {
  return serve((req, res, index) =>
    index < failures ? fail(req, res, index) : sendJson(res, 200, { upload: UPLOAD }),
  );
}

function clientFor(server: LoopbackServer, config: Partial<HttpClientConfig> = {}) {
  const sleep = recordingSleep();
  const client = createHttpClient({ baseURL: server.url, sleep: sleep.sleep, ...config });
  return { client, delays: sleep.delays };
}

const get = { path: { uploadId: 'upload_1' } };
const create = { body: { fileName: 'a.png', parts: 1 } };

describe('retries', () => {
  it('retries a GET on 5xx with jittered exponential backoff, then succeeds', async () => {
    const server = await flaky(2);
    const { client, delays } = clientFor(server, { initialRetryDelayMs: 100 });
    expect(await client.request(getUpload, get)).toEqual({ upload: UPLOAD });
    expect(server.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeLessThan(100);
    expect(delays[1]).toBeLessThan(200);
  });

  it('retries 408, 409 and 429, gives up after maxRetries, and never retries a 400', async () => {
    for (const status of [408, 409, 429]) {
      const server = await flaky(1, (_req, res) => sendJson(res, status, {}));
      const { client } = clientFor(server);
      await client.request(deleteUpload, get);
      expect(server.requests, String(status)).toHaveLength(2);
    }
    const always = await flaky(99);
    const { client } = clientFor(always, { maxRetries: 3 });
    await expect(client.request(getUpload, get)).rejects.toBeInstanceOf(InternalServerError);
    expect(always.requests).toHaveLength(4);
    await expect(client.request(getUpload, get, { maxRetries: 0 })).rejects.toThrow(/503/);
    expect(always.requests).toHaveLength(5);

    const badRequest = await flaky(99, (_req, res) => sendJson(res, 400, { message: 'no' }));
    await expect(clientFor(badRequest).client.request(getUpload, get)).rejects.toBeInstanceOf(
      BadRequestError,
    );
    expect(badRequest.requests).toHaveLength(1);
  });

  it('waits as long as Retry-After says, in seconds', async () => {
    const server = await flaky(1, (_req, res) => sendJson(res, 429, {}, { 'retry-after': '2' }));
    const { client, delays } = clientFor(server);
    await client.request(getUpload, get);
    expect(delays).toEqual([2000]);
  });

  it('waits until a Retry-After HTTP date, on the client’s clock', async () => {
    const now = Date.parse('2025-06-30T15:00:00Z');
    const server = await flaky(1, (_req, res) =>
      sendJson(res, 503, {}, { 'retry-after': new Date(now + 4000).toUTCString() }),
    );
    const { client, delays } = clientFor(server, { now: () => now });
    await client.request(getUpload, get);
    expect(delays).toEqual([4000]);
  });

  it('prefers retry-after-ms, and reads Scenario’s remainingSeconds on a 429', async () => {
    const ms = await flaky(1, (_req, res) =>
      sendJson(res, 503, {}, { 'retry-after-ms': '150', 'retry-after': '5' }),
    );
    const first = clientFor(ms);
    await first.client.request(getUpload, get);
    expect(first.delays).toEqual([150]);

    const body = await flaky(1, (_req, res) => sendJson(res, 429, { remainingSeconds: 1 }));
    const second = clientFor(body);
    await second.client.request(getUpload, get);
    expect(second.delays).toEqual([1000]);
  });

  it('does not retry when the server asks for a longer wait than maxRetryDelayMs', async () => {
    const server = await flaky(1, (_req, res) =>
      sendJson(res, 429, { message: 'slow down' }, { 'retry-after': '30' }),
    );
    const { client, delays } = clientFor(server);
    const error = await client.request(getUpload, get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(30_000);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('obeys x-should-retry', async () => {
    const no = await flaky(1, (_req, res) => sendJson(res, 503, {}, { 'x-should-retry': 'false' }));
    await expect(clientFor(no).client.request(getUpload, get)).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(no.requests).toHaveLength(1);

    const yes = await flaky(1, (_req, res) => sendJson(res, 400, {}, { 'x-should-retry': 'true' }));
    await clientFor(yes).client.request(createUpload, create);
    expect(yes.requests).toHaveLength(2);
  });
});

describe('retrying POST', () => {
  it('does not retry a POST by default', async () => {
    const server = await flaky(1);
    const { client } = clientFor(server);
    await expect(client.request(createUpload, create)).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('retries a POST with an idempotency key, sending the same key on every attempt', async () => {
    const server = await flaky(2);
    const { client } = clientFor(server);
    await client.request(createUpload, create, { idempotencyKey: true });
    const keys = server.requests.map((request) => request.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(new Set(keys).size).toBe(1);

    await client.request(createUpload, create, { idempotencyKey: true });
    expect(server.requests[3]!.headers['idempotency-key']).not.toBe(keys[0]);
  });

  it('uses a given key, a client-wide automatic key, or the caller’s opt-in', async () => {
    const given = await flaky(1);
    await clientFor(given).client.request(createUpload, create, { idempotencyKey: 'key-1' });
    expect(given.requests.map((r) => r.headers['idempotency-key'])).toEqual(['key-1', 'key-1']);

    const auto = await flaky(1);
    await clientFor(auto, { autoIdempotencyKey: true }).client.request(createUpload, create);
    expect(auto.requests).toHaveLength(2);
    expect(auto.requests[0]!.headers['idempotency-key']).toBe(
      auto.requests[1]!.headers['idempotency-key'],
    );

    const optIn = await flaky(1);
    await clientFor(optIn, { retryNonIdempotent: true }).client.request(createUpload, create);
    expect(optIn.requests).toHaveLength(2);
    expect(optIn.requests[1]!.headers['idempotency-key']).toBeUndefined();
  });

  it('retries a POST operation declared idempotent', async () => {
    const server = await flaky(1);
    await clientFor(server).client.request(completeUpload, {
      path: { uploadId: 'u' },
      body: { action: 'complete' },
    });
    expect(server.requests).toHaveLength(2);
  });
});

describe('connection errors', () => {
  const cutMidBody: Handler = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
    // Destroyed once the first bytes are out: the client sees a body that breaks off.
    res.write('{"upload": {"id": "upl', () => res.socket?.destroy());
  };

  it('retries a GET whose response was cut mid-body', async () => {
    const server = await flaky(1, cutMidBody);
    const { client } = clientFor(server);
    expect(await client.request(getUpload, get)).toEqual({ upload: UPLOAD });
    expect(server.requests).toHaveLength(2);
  });

  it('surfaces a cut body as an APIConnectionError when the request may not be repeated', async () => {
    const server = await flaky(1, cutMidBody);
    const error = await clientFor(server)
      .client.request(createUpload, create)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(/connection lost while reading the response body/);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a refused connection, then reports it with its cause', async () => {
    const server = await flaky(0);
    await server.close();
    const { client, delays } = clientFor(server);
    const error = await client.request(getUpload, get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect(delays).toHaveLength(2);
  });

  it('never replays a streamed body', async () => {
    const server = await flaky(1);
    const { client } = clientFor(server);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('chunk'));
        controller.close();
      },
    });
    await expect(send(client, { method: 'PUT', url: '/part', body })).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body).toBe('chunk');
  });
});

describe('retry budget', () => {
  it('stops retrying across calls and clients once the shared budget is spent', async () => {
    const server = await flaky(Infinity);
    const budget = new RetryBudget({ capacity: 10 });
    const { logger, lines } = captureLogger();
    const a = clientFor(server, { retryBudget: budget, logger, logLevel: 'warn' }).client;
    const b = clientFor(server, { retryBudget: budget }).client;
    expect(b.retryBudget).toBe(budget);

    await expect(a.request(getUpload, get)).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(3);
    expect(budget.available).toBe(0);

    await expect(a.request(getUpload, get)).rejects.toBeInstanceOf(InternalServerError);
    await expect(b.request(getUpload, get)).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(5);
    expect(lines.some((line) => line.includes('retry budget is exhausted'))).toBe(true);
  });

  it('is refilled by successes', async () => {
    const server = await flaky(1);
    const budget = new RetryBudget({ capacity: 100 });
    const { client } = clientFor(server, { retryBudget: budget });
    await client.request(getUpload, get);
    expect(budget.available).toBe(100);
  });

  it('keeps a fleet of failing calls from multiplying the load', async () => {
    const server = await flaky(Infinity);
    const { client } = clientFor(server);
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () => client.request(getUpload, get)),
    );
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    // 200 first attempts, then at most 500 / 5 = 100 retries instead of 400.
    expect(server.requests).toHaveLength(300);
  });
});

describe('middleware', () => {
  it('runs once per attempt, in order, and can add headers', async () => {
    const server = await flaky(2);
    const seen: string[] = [];
    const tracing: Middleware = async (request, next) => {
      seen.push(`trace ${request.attempt}/${request.maxAttempts} ${request.operationId}`);
      request.headers.set('x-attempt', String(request.attempt));
      return next(request);
    };
    const timing: Middleware = async (request, next) => {
      const response = await next(request);
      seen.push(`time ${response.status}`);
      return response;
    };
    const { client } = clientFor(server, { middleware: [tracing, timing] });
    await client.request(getUpload, get);
    expect(server.requests.map((r) => r.headers['x-attempt'])).toEqual(['1', '2', '3']);
    expect(seen).toEqual([
      'trace 1/3 getUpload',
      'time 503',
      'trace 2/3 getUpload',
      'time 503',
      'trace 3/3 getUpload',
      'time 200',
    ]);
  });

  it('lets errors thrown by middleware through unchanged and unretried', async () => {
    const server = await flaky(0);
    const failing: Middleware = async () => {
      throw new TypeError('my bug');
    };
    const { client } = clientFor(server, { middleware: [failing] });
    await expect(client.request(getUpload, get)).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });
});
