// Uploads through faults, against the real sandbox on real sockets: server errors, rate limits
// with Retry-After, connections reset mid-body, latency, and presigned URLs that live 2 seconds.
import { Readable } from 'node:stream';
import { Cadenya } from '@upkit/cadenya-client';
import { RetryBudget } from '@upkit/core-http';
import type { FaultSettings } from '@upkit/sandbox';
import { Scenario } from '@upkit/scenario-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cadenyaTarget,
  createNodeTransport,
  scenarioTarget,
  upload,
  type UploadInput,
  type UploadResult,
  type UrlRefreshEvent,
} from './node/index.js';
import { fileBytes, sha256 } from './testing/test-bytes.js';
import { startUploaderSandbox } from './testing/uploader-sandbox.js';

const KiB = 1024;

let env: Awaited<ReturnType<typeof startUploaderSandbox>>;
let scenario: Scenario;
let cadenya: Cadenya;

beforeAll(async () => {
  env = await startUploaderSandbox();
  // The API calls retry on their own (core-http), quickly: the sandbox's faults are transient.
  const quick = { maxRetries: 8, initialRetryDelayMs: 10, maxRetryDelayMs: 2000 } as const;
  const { apiKey, apiSecret, projectId } = env.sandbox.credentials.scenario;
  scenario = new Scenario({
    baseURL: env.sandbox.scenarioBaseUrl,
    apiKey,
    apiSecret,
    projectId,
    ...quick,
  });
  cadenya = new Cadenya({
    baseURL: env.sandbox.cadenyaBaseUrl,
    apiKey: env.sandbox.credentials.cadenya.apiKey,
    workspaceId: env.sandbox.credentials.cadenya.workspaceId,
    ...quick,
  });
});
afterAll(async () => {
  await env?.close();
});
beforeEach(async () => {
  env.sandbox.setFaults({});
  await env.clearRequests();
});

const scenarioFor = () =>
  scenarioTarget(scenario, { kind: 'model', minPartSize: KiB, pollIntervalMs: 10 });
const cadenyaFor = () => cadenyaTarget(cadenya, { pollIntervalMs: 10 });

/** The same bytes as one of three kinds of source. */
function sourceOf(bytes: Uint8Array, kind: number): UploadInput {
  if (kind === 0) return bytes;
  if (kind === 1) return new Blob([bytes.slice()]);
  return { stream: Readable.from([Buffer.from(bytes)]), size: bytes.byteLength };
}

/** Runs `tasks` with at most `limit` at once; every task settles before it returns. */
async function pool<T>(
  tasks: (() => Promise<T>)[],
  limit: number,
): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = new Array<PromiseSettledResult<T>>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      [results[i]] = await Promise.allSettled([tasks[i]!()]);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe('upload() through faults', () => {
  it('completes 200 uploads of both targets bit-exact through ~20% faults and 2-second URLs', async () => {
    const faults: FaultSettings = {
      seed: 20_261_203,
      api: {
        errorRate: 0.08,
        errorStatus: [500, 502, 503],
        rateLimitRate: 0.04,
        retryAfterSeconds: 1,
        latencyMs: [0, 15],
      },
      storage: {
        // Reset after 700 bytes of the body (a shorter body is reset as it ends).
        resetAfterBytes: 700,
        resetRate: 0.08,
        errorRate: 0.08,
        errorStatus: [500, 503],
        rateLimitRate: 0.04,
        retryAfterSeconds: 1,
        latencyMs: [0, 15],
      },
      urlTtlSeconds: 2,
    };
    env.sandbox.setFaults(faults);
    // One budget for every part of every upload, as in a real process.
    const retryBudget = new RetryBudget();
    const quick = { maxRetries: 8, initialRetryDelayMs: 10, maxRetryDelayMs: 2000, retryBudget };

    const files = Array.from({ length: 200 }, (_, i) => {
      // Mixed sizes from 1 byte to 24 KiB; Scenario's in 4 KiB parts (1 to 6 of them).
      const size = i % 10 === 0 ? 1 + i : 1 + ((i * 7919) % (24 * KiB));
      return { i, bytes: fileBytes(size, i + 1), target: i % 2 === 0 ? 'scenario' : 'cadenya' };
    });
    const retryEvents: number[] = [];
    const refreshEvents: UrlRefreshEvent[] = [];
    const settled = await pool(
      files.map(({ i, bytes, target }) => async (): Promise<UploadResult<unknown>> => {
        const options = {
          ...quick,
          name: `soak-${i}.bin`,
          partSize: 4 * KiB,
          concurrency: 3,
          onRetry: (e: { part: number }) => retryEvents.push(e.part),
          onUrlRefresh: (e: UrlRefreshEvent) => refreshEvents.push(e),
        };
        const source = sourceOf(bytes, i % 3);
        return target === 'scenario'
          ? upload(scenarioFor(), source, options)
          : upload(cadenyaFor(), source, options);
      }),
      16,
    );
    const failures = settled.flatMap((s, n) =>
      s.status === 'rejected' ? [`upload ${n}: ${String(s.reason)}`] : [],
    );
    expect(failures).toEqual([]);
    const results = settled.map((s) => (s as PromiseFulfilledResult<UploadResult<unknown>>).value);

    const stored = new Map((await env.objects()).objects.map((o) => [o.key, o.sha256]));
    const storedSha = (uploadId: string) =>
      [...stored].find(([key]) => key.includes(uploadId))?.[1];
    for (const [n, result] of results.entries()) {
      const { bytes, target } = files[n]!;
      expect(result.target, `upload ${n}`).toBe(target);
      expect(result.bytes, `upload ${n}`).toBe(bytes.byteLength);
      expect(result.sha256, `upload ${n}`).toBe(sha256(bytes));
      expect(storedSha(result.uploadId), `upload ${n}`).toBe(result.sha256);
    }

    const log = await env.requests();
    const injected = (routeClass: string, test: (status: number) => boolean) =>
      log.filter((r) => r.routeClass === routeClass && test(r.status)).length;
    const figures = {
      uploads: results.length,
      requests: log.length,
      apiFaults: injected('api', (s) => s >= 429 && s !== 409),
      storageFaults: injected('storage', (s) => s >= 403 || s === 0),
      partRetries: results.reduce((sum, r) => sum + r.retries, 0),
      urlRefreshes: results.reduce((sum, r) => sum + r.urlRefreshes, 0),
      replacedCadenyaUploads: refreshEvents.filter((e) => e.replacedUploadId).length,
      retryBudgetLeft: retryBudget.available,
    };
    console.log(`fault soak: ${JSON.stringify(figures)}`);
    // The faults did happen, and the engine did retry them (so the test cannot pass vacuously).
    expect(figures.storageFaults).toBeGreaterThan(20);
    expect(figures.apiFaults).toBeGreaterThan(20);
    expect(figures.partRetries).toBe(retryEvents.length);
    expect(figures.partRetries).toBeGreaterThan(20);
    expect(figures.urlRefreshes).toBe(refreshEvents.length);
    // Stored parts refill the shared budget: a long-lived process does not run out of retries.
    expect(retryBudget.available).toBeGreaterThan(retryBudget.capacity / 2);
  });

  it('outlives a 2-second URL lifetime: Scenario parts are signed afresh while the upload is pending', async () => {
    // Each part PUT takes 600 ms at the storage, one at a time: the last parts start after the
    // URLs of the create have lapsed (or are about to), and must be signed again.
    env.sandbox.setFaults({ urlTtlSeconds: 2, storage: { latencyMs: 600 } });
    const bytes = fileBytes(12 * KiB, 3);
    const refreshes: UrlRefreshEvent[] = [];
    const result = await upload(scenarioFor(), bytes, {
      name: 'slow.glb',
      partSize: 2 * KiB,
      concurrency: 1,
      onUrlRefresh: (e) => refreshes.push(e),
    });
    expect(result.durationMs).toBeGreaterThan(2000);
    expect(result.urlRefreshes).toBeGreaterThanOrEqual(1);
    expect(refreshes.every((e) => e.uploadId === result.uploadId)).toBe(true);
    expect(result.sha256).toBe(sha256(bytes));
    expect(await env.storedSha(result.uploadId)).toBe(result.sha256);
    const log = await env.requests();
    // The fresh URLs came from a GET of the pending upload, between part PUTs.
    const firstPut = log.findIndex((r) => r.routeClass === 'storage');
    const lastPut =
      log.length - 1 - [...log].reverse().findIndex((r) => r.routeClass === 'storage');
    const refreshGets = log
      .slice(firstPut, lastPut)
      .filter((r) => r.routeClass === 'api' && r.method === 'GET');
    expect(refreshGets.length).toBeGreaterThanOrEqual(1);
    expect(log.filter((r) => r.routeClass === 'storage' && r.status === 200)).toHaveLength(6);
  });

  it('outlives a 2-second URL lifetime: an expired Cadenya upload is replaced by a new one', async () => {
    env.sandbox.setFaults({ urlTtlSeconds: 2 });
    // The first PUT leaves 2.5 s after its URL was issued: storage refuses it as expired.
    const node = createNodeTransport();
    let puts = 0;
    const transport = {
      streams: node.streams,
      put: async (request: Parameters<typeof node.put>[0]) => {
        if (puts++ === 0) await new Promise((resolve) => setTimeout(resolve, 2500));
        return node.put(request);
      },
      close: () => node.close?.(),
    };
    const bytes = fileBytes(5 * KiB, 4);
    const refreshes: UrlRefreshEvent[] = [];
    const tokens: string[] = [];
    const result = await upload(cadenyaFor(), bytes, {
      name: 'late.glb',
      transport,
      onUrlRefresh: (e) => refreshes.push(e),
      onResumeToken: (t) => tokens.push(t.uploadId),
    });
    transport.close();
    expect(refreshes).toHaveLength(1);
    const [replaced] = refreshes;
    expect(replaced).toMatchObject({ reason: 'expired', uploadId: result.uploadId });
    expect(replaced!.replacedUploadId).toBeDefined();
    expect(replaced!.replacedUploadId).not.toBe(result.uploadId);
    // The resume token follows the new upload.
    expect(tokens.at(-1)).toBe(result.uploadId);
    expect(result.urlRefreshes).toBe(1);
    expect(result.retries).toBe(0);
    expect(result.sha256).toBe(sha256(bytes));
    expect(await env.storedSha(result.uploadId)).toBe(result.sha256);
    const storage = (await env.requests()).filter((r) => r.routeClass === 'storage');
    expect(storage.map((r) => r.status)).toEqual([403, 200]);
  });
});
