import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cadenyaCall, httpRequest, inspect, parseS3Error, scenarioCall } from '../testing/http.js';
import type { TestSandbox } from '../testing/test-sandbox.js';
import { createCadenyaUpload, createMultipart } from '../testing/uploads.js';
import { useTestSandbox } from '../testing/use-test-sandbox.js';
import { parseAmzDate } from '../storage/sigv4.js';
import { parseFaultSettings } from './fault-settings.js';
import type { RouteFaultSettings } from './fault-settings.js';

// On a socket: faults act on connections (resets) and on the server's own time (latency).
const start = useTestSandbox();

const statuses = async (t: TestSandbox, count: number) => {
  const out: number[] = [];
  for (let i = 0; i < count; i++)
    out.push((await scenarioCall(t.sandbox, 'GET', '/uploads/upload_x')).status);
  return out;
};

const cadenyaUpload = async (t: TestSandbox, size: number) =>
  (
    await createCadenyaUpload(t.sandbox, {
      contentType: 'application/octet-stream',
      sizeBytes: String(size),
    })
  ).body;

/** A request of each kind faults apply to: a Scenario read, a Cadenya read, a storage PUT. */
async function oneOfEach(t: TestSandbox) {
  return {
    scenario: await scenarioCall(t.sandbox, 'GET', '/uploads/x'),
    cadenya: await cadenyaCall(t.sandbox, 'GET', '/v1/workspaces/w/uploads/x'),
    storage: await httpRequest(`${t.sandbox.storageUrl}/cadenya-uploads/k`, {
      headers: { 'content-length': 1 },
      body: 'x',
    }),
  };
}

/** A sandbox with faults on the APIs and on storage, and its answers to {@link oneOfEach}. */
async function startAndHitEach(api: RouteFaultSettings, storage: RouteFaultSettings) {
  const t = await start({ faults: { api, storage } });
  return { t, ...(await oneOfEach(t)) };
}

describe('error faults', () => {
  it('are deterministic for a seed', async () => {
    const faults = { seed: 42, api: { errorRate: 0.5, errorStatus: [500, 502, 503] as const } };
    const a = await statuses(await start({ faults }), 30);
    const b = await statuses(await start({ faults }), 30);
    const c = await statuses(await start({ faults: { ...faults, seed: 43 } }), 30);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    expect(new Set(a)).toEqual(new Set([404, 500, 502, 503]));
  });

  it("answer with each API's error body", async () => {
    const { t, scenario, cadenya, storage } = await startAndHitEach(
      { errorRate: 1, errorStatus: 500 },
      { errorRate: 1, errorStatus: 503 },
    );
    expect(scenario.status).toBe(500);
    expect(scenario.body).toMatchObject({ status: 500, error: 'Internal Server Error' });
    expect(cadenya.status).toBe(500);
    expect(cadenya.body).toEqual({ code: 13, message: 'internal server error', details: [] });
    expect(storage.status).toBe(503);
    expect(parseS3Error(storage.text)).toMatchObject({ Code: 'ServiceUnavailable' });

    t.sandbox.setFaults({
      api: { errorRate: 1, errorStatus: 503 },
      storage: { errorRate: 1, errorStatus: 500 },
    });
    const swapped = await oneOfEach(t);
    expect(swapped.cadenya.body).toMatchObject({ code: 14 });
    expect(swapped.scenario.body).toMatchObject({ status: 503 });
    expect(parseS3Error(swapped.storage.text)).toMatchObject({ Code: 'InternalError' });
    t.sandbox.setFaults({ api: { errorRate: 1, errorStatus: 502 } });
    const gateway = await cadenyaCall(t.sandbox, 'GET', '/v1/workspaces/w/uploads/x');
    expect(gateway.status).toBe(502);
    expect(gateway.body.code).toBe(14);
  });

  it('stop after `times` faults', async () => {
    const t = await start({ faults: { api: { errorRate: 1, times: 2 } } });
    expect(await statuses(t, 4)).toEqual([500, 500, 404, 404]);
  });

  it('leave the inspection API alone', async () => {
    const t = await start({ faults: { api: { errorRate: 1 }, storage: { errorRate: 1 } } });
    expect((await inspect(t.sandbox, 'GET', '/objects')).status).toBe(200);
  });
});

describe('rate-limit faults', () => {
  it('answer 429 with Retry-After on the APIs, and 503 SlowDown on storage', async () => {
    const { t, scenario, cadenya, storage } = await startAndHitEach(
      { rateLimitRate: 1, retryAfterSeconds: 7 },
      { rateLimitRate: 1, retryAfterSeconds: 3 },
    );
    expect(scenario.status).toBe(429);
    expect(scenario.headers.get('retry-after')).toBe('7');
    expect(scenario.body).toMatchObject({ status: 429, remainingSeconds: 7 });
    expect(cadenya.status).toBe(429);
    expect(cadenya.headers.get('retry-after')).toBe('7');
    expect(cadenya.body).toMatchObject({ code: 8, details: [] });
    expect(storage.status).toBe(503);
    expect(storage.headers['retry-after']).toBe('3');
    expect(parseS3Error(storage.text)).toMatchObject({ Code: 'SlowDown' });
    const log = (await inspect(t.sandbox, 'GET', '/requests')).body.requests;
    expect(log.map((e: { fault?: string }) => e.fault)).toEqual([
      'rateLimit',
      'rateLimit',
      'rateLimit',
    ]);
  });
});

describe('latency faults', () => {
  it('delay each request on the sandbox clock, and never the inspection API', async () => {
    const t = await start({ faults: { api: { latencyMs: 400 } } });
    let answered = false;
    const call = scenarioCall(t.sandbox, 'GET', '/uploads/x').then((res) => {
      answered = true;
      return res;
    });
    await t.clock.whenSlept(1);
    expect(t.clock.sleeps).toEqual([400]);
    t.clock.advance(399);
    // Its sleep is not over, so the request cannot have been answered.
    expect(t.clock.sleeping).toBe(1);
    expect(answered).toBe(false);
    t.clock.advance(1);
    expect((await call).status).toBe(404);
    expect(t.clock.sleeping).toBe(0);
    expect((await inspect(t.sandbox, 'GET', '/objects')).status).toBe(200);
    expect(t.clock.sleeps).toEqual([400]);
  });

  it('pick from a range, deterministically for a seed', async () => {
    const delays = async () => {
      const t = await start({ faults: { seed: 9, storage: { latencyMs: [60, 120] } } });
      const url = `${t.sandbox.storageUrl}/cadenya-uploads/k`;
      for (let i = 1; i <= 3; i++) {
        const put = httpRequest(url, { headers: { 'content-length': 1 }, body: 'x' });
        await t.clock.whenSlept(i);
        t.clock.advance(120);
        expect((await put).status).toBe(403);
      }
      return t.clock.sleeps;
    };
    const first = await delays();
    expect(first).toHaveLength(3);
    for (const ms of first) {
      expect(ms).toBeGreaterThanOrEqual(60);
      expect(ms).toBeLessThanOrEqual(120);
    }
    expect(new Set(first).size).toBe(3);
    expect(await delays()).toEqual(first);
  });
});

describe('connection-reset faults', () => {
  it('reset the connection after N body bytes; nothing is stored; turning the fault off lets the PUT through', async () => {
    const t = await start({ faults: { storage: { resetAfterBytes: 4096 } } });
    const upload = await cadenyaUpload(t, 64 * 1024);
    const body = () =>
      Readable.from(
        (function* () {
          for (let i = 0; i < 16; i++) yield Buffer.alloc(4096, i);
        })(),
      );
    const headers = { 'content-type': 'application/octet-stream', 'content-length': 64 * 1024 };
    const error = await httpRequest(upload.info.uploadUrl, { headers, body: body() }).then(
      () => undefined,
      (e: NodeJS.ErrnoException) => e,
    );
    expect(error?.code).toMatch(/ECONNRESET|EPIPE/);
    const log = (await inspect(t.sandbox, 'GET', '/requests')).body.requests;
    expect(log.at(-1)).toMatchObject({
      method: 'PUT',
      status: 0,
      fault: 'reset',
      routeClass: 'storage',
    });
    expect((await inspect(t.sandbox, 'GET', '/objects')).body.objects).toEqual([]);

    expect((await inspect(t.sandbox, 'POST', '/faults', {})).status).toBe(200);
    const ok = await httpRequest(upload.info.uploadUrl, { headers, body: body() });
    expect(ok.status).toBe(200);
  });

  it('reset API requests too, right away with resetAfterBytes 0', async () => {
    const t = await start({ faults: { api: { resetAfterBytes: 0 } } });
    await expect(scenarioCall(t.sandbox, 'GET', '/uploads/x')).rejects.toThrow();
  });
});

describe('URL time-to-live', () => {
  it('shortens the presigned URLs of both APIs', async () => {
    const t = await start();
    const set = await inspect(t.sandbox, 'POST', '/faults', { urlTtlSeconds: 5 });
    expect(set.body).toEqual({ urlTtlSeconds: 5 });
    const upload = await cadenyaUpload(t, 1);
    expect(new URL(upload.info.uploadUrl).searchParams.get('X-Amz-Expires')).toBe('5');
    const scenario = await createMultipart(t.sandbox, 1, 1);
    const part = scenario.body.upload.parts[0];
    // `expires` counts from the signing time, which has whole seconds (not from `createdAt`).
    const partQuery = new URL(part.url).searchParams;
    expect(partQuery.get('X-Amz-Expires')).toBe('5');
    expect(Date.parse(part.expires) - parseAmzDate(partQuery.get('X-Amz-Date')!)).toBe(5000);
    t.clock.advance(6000);
    const late = await httpRequest(upload.info.uploadUrl, {
      headers: { 'content-type': 'application/octet-stream', 'content-length': 1 },
      body: 'x',
    });
    expect(parseS3Error(late.text)).toMatchObject({
      Code: 'AccessDenied',
      Message: 'Request has expired',
    });
    const latePart = await httpRequest(part.url, { headers: { 'content-length': 1 }, body: 'x' });
    expect(latePart.status).toBe(403);
  });
});

describe('the faults inspection API', () => {
  it('reads, replaces, validates and clears the settings', async () => {
    const t = await start({ faults: { seed: 3, api: { errorRate: 0.1 } } });
    expect((await inspect(t.sandbox, 'GET', '/faults')).body).toEqual({
      seed: 3,
      api: { errorRate: 0.1 },
    });
    const bad = await inspect(t.sandbox, 'POST', '/faults', { api: { errorRate: 2 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/errorRate/);
    expect(
      (await inspect(t.sandbox, 'POST', '/faults', { api: { errorStatus: 404 } })).status,
    ).toBe(400);
    expect((await inspect(t.sandbox, 'POST', '/faults', { bogus: 1 })).status).toBe(400);
    expect((await inspect(t.sandbox, 'GET', '/faults')).body).toEqual({
      seed: 3,
      api: { errorRate: 0.1 },
    });
    await inspect(t.sandbox, 'POST', '/faults', { api: { errorRate: 1 } });
    expect((await scenarioCall(t.sandbox, 'GET', '/uploads/x')).status).toBe(500);
    expect((await fetch(`${t.sandbox.inspectionUrl}/faults`, { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await scenarioCall(t.sandbox, 'GET', '/uploads/x')).status).toBe(404);
  });

  it('refuses invalid settings at start', () => {
    expect(() => parseFaultSettings({ storage: { latencyMs: [10, 5] } })).toThrow(/latencyMs/);
    expect(() => parseFaultSettings({ urlTtlSeconds: 0 })).toThrow(/urlTtlSeconds/);
    expect(() => parseFaultSettings({ api: { resetAfterBytes: -1 } })).toThrow(/resetAfterBytes/);
    expect(parseFaultSettings({ api: { errorStatus: [500, 503] } })).toEqual({
      api: { errorStatus: [500, 503] },
    });
  });
});
