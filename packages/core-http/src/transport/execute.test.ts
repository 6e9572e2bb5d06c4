import { describe, expect, it } from 'vitest';
import type { HttpClientConfig } from '../config/client-config.js';
import { resolveConfig } from '../config/resolve-config.js';
import { resolveSettings } from '../config/resolve-settings.js';
import { APIUserAbortError } from '../errors/api-user-abort-error.js';
import { InternalServerError } from '../errors/internal-server-error.js';
import type { RequestOptions } from '../request-options.js';
import { RetryBudget } from '../retry/retry-budget.js';
import { fakeFetch, jsonResponse, type FakeRoute } from '../testing/fake-fetch.js';
import { captureLogger, recordingSleep } from '../testing/loopback-server.js';
import { planCall, type RequestParts } from './call-plan.js';
import { execute } from './execute.js';

const URL_ = 'https://api.example.com/v1/uploads/u';
const busy = () => jsonResponse(503, { message: 'busy' });

/** Runs one call straight through `execute`, on a fake fetch and a virtual clock. */
function run(
  route: FakeRoute,
  config: Partial<HttpClientConfig> = {},
  options: RequestOptions = {},
  parts: Partial<RequestParts> = {},
) {
  const { fetch, requests } = fakeFetch(route);
  const { logger, lines } = captureLogger();
  const { sleep, delays } = recordingSleep();
  let clock = 1_000_000;
  const cfg = resolveConfig({
    baseURL: 'https://api.example.com/v1',
    fetch,
    logger,
    logLevel: 'debug',
    sleep: async (ms, signal) => {
      clock += ms;
      await sleep(ms, signal);
    },
    now: () => clock,
    ...config,
  });
  const request = { method: 'GET', url: URL_, body: null, trusted: true, ...parts };
  const plan = planCall(cfg, resolveSettings(options, cfg, false), request, options, false, []);
  const result = execute(cfg, plan, async (response) => (await response.json()) as unknown);
  return { result, requests, delays, outcomes: () => lines.filter((l) => !/^debug [→←]/.test(l)) };
}

describe('execute', () => {
  it('resolves with the data, the response and the request id, kept out of JSON', async () => {
    const { result } = run(() => jsonResponse(200, { id: 'u' }, { 'x-request-id': 'req_1' }));
    const { data, response, requestId } = await result;
    expect(requestId).toBe('req_1');
    expect(response.status).toBe(200);
    expect(data).toEqual({ id: 'u' });
    expect((data as { _request_id?: string })._request_id).toBe('req_1');
    expect(JSON.stringify(data)).toBe('{"id":"u"}');
    expect(Object.keys(data as object)).toEqual(['id']);
  });

  it('retries, logging one line per retry, and refunds the last retry on success', async () => {
    const budget = new RetryBudget({ capacity: 100 });
    const { result, delays, outcomes } = run(
      (_request, index) => (index < 2 ? busy() : jsonResponse(200, {})),
      { retryBudget: budget, initialRetryDelayMs: 100 },
    );
    await result;
    expect(delays).toHaveLength(2);
    expect(outcomes()).toEqual([
      expect.stringMatching(/^info Retrying GET \S+ in \d+ ms \(attempt 2\/3\) after: .*503/),
      expect.stringMatching(/^info Retrying GET \S+ in \d+ ms \(attempt 3\/3\) after: .*503/),
    ]);
    expect(budget.available).toBe(95);
  });

  it('logs each way of giving up, once', async () => {
    const attempts = run(busy, { maxRetries: 1, initialRetryDelayMs: 1 });
    await expect(attempts.result).rejects.toBeInstanceOf(InternalServerError);
    expect(attempts.outcomes().at(-1)).toMatch(/^info Not retrying GET \S+: no retries left: /);

    const notFound = run(() => jsonResponse(404, {}));
    await expect(notFound.result).rejects.toThrow(/404/);
    expect(notFound.outcomes()).toEqual([
      expect.stringMatching(/^debug Not retrying .*: not retryable: /),
    ]);

    const tooLong = run(() => jsonResponse(429, {}, { 'retry-after': '60' }));
    await expect(tooLong.result).rejects.toMatchObject({ retryAfterMs: 60_000 });
    expect(tooLong.outcomes()).toEqual([
      expect.stringMatching(
        /^info Not retrying .*: the server asked to wait longer than maxRetryDelayMs \(60000 ms\): /,
      ),
    ]);

    const deadline = run(
      () => jsonResponse(503, {}, { 'retry-after': '2' }),
      {},
      { deadline: 1000 },
    );
    await expect(deadline.result).rejects.toBeInstanceOf(InternalServerError);
    expect(deadline.outcomes()).toEqual([
      expect.stringMatching(
        /^info Not retrying .*: the retry would end past the deadline \(2000 ms\): /,
      ),
    ]);

    const budget = run(busy, { retryBudget: new RetryBudget({ capacity: 0 }) });
    await expect(budget.result).rejects.toBeInstanceOf(InternalServerError);
    expect(budget.outcomes()).toEqual([
      expect.stringMatching(/^warn Not retrying .*: the retry budget is exhausted: /),
    ]);

    const aborted = run(busy, {}, { signal: AbortSignal.abort('bye') });
    await expect(aborted.result).rejects.toBeInstanceOf(APIUserAbortError);
    expect(aborted.outcomes()).toEqual([
      expect.stringMatching(/^info Stopped GET \S+: GET \S+ → request aborted by the caller$/),
    ]);
  });

  it('sends the same idempotency key on every attempt of a POST that has one', async () => {
    const { result, requests } = run(
      (_request, index) => (index < 1 ? busy() : jsonResponse(200, {})),
      { initialRetryDelayMs: 1 },
      { idempotencyKey: true },
      { method: 'POST', body: '{}' },
    );
    await result;
    const keys = requests.map((request) => request.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys).toEqual([keys[0], keys[0]]);
  });

  it('passes fetchOptions through, under core-http’s own fields', async () => {
    const dispatcher = { name: 'proxy' };
    const { result, requests } = run(() => jsonResponse(200, {}), {
      fetchOptions: { dispatcher, cache: 'no-store' },
    });
    await result;
    expect(requests[0]!.init).toMatchObject({ dispatcher, cache: 'no-store', redirect: 'manual' });
  });
});
