// The transfer engine on real sockets: node:http to a local store that answers as each test says.
// Retry waits and the clock are injected, so no verdict depends on how fast the machine is.
import { APIConnectionError, RetryBudget } from '@upkit/core-http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChecksumMismatchError } from '../errors/checksum-mismatch-error.js';
import { PartStallError } from '../errors/part-stall-error.js';
import { PartUploadError } from '../errors/part-upload-error.js';
import { createNodeHasher } from '../node/node-hasher.js';
import { createNodeTransport } from '../node/node-transport.js';
import { partAt, planParts } from '../plan/plan-parts.js';
import { ProgressTracker } from '../progress/progress-tracker.js';
import type { UploadProgress } from '../progress/upload-progress.js';
import type { DonePart } from '../resume/resume-token.js';
import { bytesSource } from '../source/bytes-source.js';
import { streamSource } from '../source/stream-source.js';
import type { UploadSource } from '../source/upload-source.js';
import {
  answer,
  md5Hex,
  s3Error,
  SIGNATURE,
  startLocalStorage,
  store,
  type Handler,
  type LocalStorage,
  type Received,
} from '../testing/local-storage.js';
import { conditions } from '../testing/conditions.js';
import { fileBytes, sha256 } from '../testing/test-bytes.js';
import { createPartRetry } from './create-part-retry.js';
import type { PartTransport } from './part-transport.js';
import { transferParts, type PartEvents, type UrlNeed } from './transfer-parts.js';

const KiB = 1024;
const MiB = 1024 * KiB;

let storage: LocalStorage;
let transport: PartTransport;
beforeEach(async () => {
  storage = await startLocalStorage();
  transport = createNodeTransport();
});
afterEach(async () => {
  transport.close?.();
  await storage.close();
});

/** A clock that moves only when told, and retry waits that end at once or when released. */
function virtualTime(options: { hold?: boolean } = {}) {
  let now = 0;
  const sleeps: { ms: number; release: () => void }[] = [];
  const waits = conditions();
  return {
    now: () => now,
    sleeps,
    sleep(ms: number, signal: AbortSignal): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        sleeps.push({ ms, release: resolve });
        waits.check();
        if (!options.hold) resolve();
      });
    },
    /** Moves the clock on and ends every wait. */
    release(ms: number) {
      now += ms;
      for (const s of sleeps) s.release();
    },
    until: waits.until,
  };
}

interface RunOptions {
  source: UploadSource;
  partSize: number;
  concurrency?: number;
  maxRetries?: number;
  budget?: RetryBudget;
  time?: ReturnType<typeof virtualTime>;
  stallTimeoutMs?: number;
  maxUrlRefreshes?: number;
  done?: Map<number, DonePart>;
  progress?: ProgressTracker;
  events?: PartEvents;
  signal?: AbortSignal;
  buffered?: boolean;
  verifyEtags?: boolean;
}

/** Runs the engine against the local store, recording what it asked and reported. */
function run(options: RunOptions) {
  const { source, partSize } = options;
  const plan = planParts({ size: source.size, partSize, minPartSize: 1 });
  const time = options.time ?? virtualTime();
  const urls: { part: number; need: UrlNeed }[] = [];
  const versions = new Map<number, number>();
  const retries: { part: number; attempt: number; error: Error; delayMs: number }[] = [];
  const completed: { part: number; attempts: number; etag: string | undefined }[] = [];
  const stored: DonePart[] = [];
  const result = transferParts({
    source,
    plan,
    done: options.done ?? new Map(),
    concurrency: options.concurrency ?? 1,
    buffered: options.buffered ?? true,
    verifyEtags: options.verifyEtags,
    partUrl: async (part, need) => {
      urls.push({ part: part.number, need });
      if (need === 'expired') versions.set(part.number, (versions.get(part.number) ?? 0) + 1);
      return {
        url: storage.urlOf('up1', part.number, versions.get(part.number) ?? 0),
        headers: { 'content-type': 'application/octet-stream' },
      };
    },
    transport,
    createHasher: createNodeHasher,
    progress:
      options.progress ??
      new ProgressTracker({
        total: source.size,
        partsTotal: plan.partCount,
        now: time.now,
        uploadId: 'up1',
      }),
    signal: options.signal ?? new AbortController().signal,
    retry: createPartRetry({
      maxRetries: options.maxRetries ?? 5,
      initialRetryDelayMs: 100,
      maxRetryDelayMs: 60_000,
      budget: options.budget ?? new RetryBudget(),
      now: time.now,
      sleep: time.sleep,
    }),
    stallTimeoutMs: options.stallTimeoutMs ?? 60_000,
    maxUrlRefreshes: options.maxUrlRefreshes ?? 5,
    events: {
      onRetry: (e) => {
        retries.push(e);
        options.events?.onRetry?.(e);
      },
      onPartComplete: (e) => {
        completed.push(e);
        options.events?.onPartComplete?.(e);
      },
    },
    onPartDone: (part) => stored.push(part),
  });
  result.catch(() => undefined);
  return { result, plan, urls, retries, completed, stored, time };
}

/** Answers by part and attempt: `answers[part]?.[attempt]` when given, else stores the body. */
function byAttempt(answers: Record<number, Record<number, Handler>>): Handler {
  return (request, exchange) =>
    (answers[request.part]?.[request.attempt] ?? store)(request, exchange);
}

const status =
  (code: number, headers: Record<string, string> = {}, body = ''): Handler =>
  async (request, { res, body: read }) => {
    await read();
    answer(request, res, code, headers, body);
  };

/** Reads some of the body, then resets the connection (ECONNRESET at the client). */
const resetMidBody: Handler = (_request, { req }) => {
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > 1000) req.socket.resetAndDestroy();
  });
};

/** Takes the body and never answers. */
const silent: Handler = async (_request, { body }) => {
  await body();
};

describe('transferParts', () => {
  it('holds at most concurrency × part size of the source at once, however large the file: a server that answers late slows the reads', async () => {
    const partSize = 256 * KiB;
    const concurrency = 3;
    const size = 48 * partSize;
    const bytes = fileBytes(size, 5);
    // The source counts what it hands out; the store counts what it has acknowledged.
    let handedOut = 0;
    let acknowledged = 0;
    let peak = 0;
    async function* chunks() {
      for (let at = 0; at < size; at += 64 * KiB) {
        handedOut += 64 * KiB;
        peak = Math.max(peak, handedOut - acknowledged);
        yield bytes.subarray(at, at + 64 * KiB);
      }
    }
    // The store answers a part only once `concurrency` whole bodies wait for their answer (or the
    // last parts have all arrived): until then, the engine must not read further.
    const held: { request: Received; send: () => void }[] = [];
    const release = () => {
      const allArrived = storage.puts().length === size / partSize;
      while (held.length && (held.length >= concurrency || allArrived)) {
        const next = held.shift()!;
        acknowledged += next.request.body!.length;
        next.send();
      }
    };
    storage.handle(async (request, { res, body }) => {
      const received = await body();
      held.push({
        request,
        send: () => answer(request, res, 200, { ETag: `"${md5Hex(received)}"` }),
      });
      release();
    });

    const { result, stored } = run({
      source: streamSource({ stream: chunks(), size }),
      partSize,
      concurrency,
    });
    const transfer = await result;
    expect(transfer.sha256).toBe(sha256(bytes));
    expect(stored).toHaveLength(48);
    // The file is 16 times what may be held; the engine held exactly its allowance, never more.
    expect(peak).toBe(concurrency * partSize);
  });

  it('retries 5xx, 408, 429 and a connection reset mid-body, then stores the part', async () => {
    storage.handle(
      byAttempt({
        1: {
          1: status(500, {}, s3Error('InternalError', 'We encountered an internal error.')),
          2: status(503, {}, s3Error('ServiceUnavailable', 'Service is unable to handle request.')),
          3: status(408, {}, s3Error('RequestTimeout', 'Your socket connection timed out.')),
          4: status(429, {}, s3Error('TooManyRequests', 'Please reduce your request rate.')),
          5: resetMidBody,
        },
      }),
    );
    const bytes = fileBytes(256 * KiB, 2);
    const { result, retries, completed } = run({
      source: bytesSource(bytes),
      partSize: bytes.length,
      maxRetries: 5,
    });
    const transfer = await result;
    expect(transfer.sha256).toBe(sha256(bytes));
    expect(transfer.retries).toBe(5);
    expect(retries.map((r) => [r.attempt, (r.error as PartUploadError).status])).toEqual([
      [1, 500],
      [2, 503],
      [3, 408],
      [4, 429],
      [5, undefined],
    ]);
    expect(retries[4]!.error).toBeInstanceOf(APIConnectionError);
    expect(completed).toEqual([
      { part: 1, size: bytes.length, etag: expect.any(String), attempts: 6 },
    ]);
    expect(storage.puts().at(-1)!.body).toEqual(Buffer.from(bytes));
  });

  it('cuts an attempt that stalls for stallTimeoutMs and retries it', async () => {
    storage.handle(byAttempt({ 1: { 1: silent } }));
    const bytes = fileBytes(10 * KiB, 3);
    const { result, retries } = run({
      source: bytesSource(bytes),
      partSize: bytes.length,
      stallTimeoutMs: 500,
      maxRetries: 10,
    });
    const transfer = await result;
    expect(transfer.sha256).toBe(sha256(bytes));
    // The first attempt stalled (a very slow machine could add a stall of its own, never remove one).
    expect(retries[0]!.error).toBeInstanceOf(PartStallError);
    await storage.until(() => storage.puts()[0]!.cutOff);
  });

  it.each([
    [400, 'InvalidArgument', 'Part number must be an integer between 1 and 10000'],
    [403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match'],
    [403, 'AccessDenied', 'Access Denied'],
    [404, 'NoSuchUpload', 'The specified upload does not exist.'],
    [409, 'OperationAborted', 'A conflicting conditional operation is in progress.'],
  ])(
    'fails at once on a %i %s, with storage’s code, and stops the other parts',
    async (code, xmlCode, message) => {
      storage.handle(
        byAttempt({
          1: {
            1: async (request, exchange) => {
              await storage.until(() => storage.puts().some((r) => r.part === 2));
              await status(
                code,
                { 'content-type': 'application/xml' },
                s3Error(xmlCode, message),
              )(request, exchange);
            },
          },
          // The other part is held until the first fails: it is in flight when the upload stops.
          2: { 1: silent },
        }),
      );
      const { result, retries } = run({
        source: bytesSource(fileBytes(20 * KiB)),
        partSize: 10 * KiB,
        concurrency: 2,
      });
      const error = (await result.catch((e: unknown) => e)) as PartUploadError;
      expect(error).toBeInstanceOf(PartUploadError);
      expect(error).toMatchObject({ partNumber: 1, status: code, code: xmlCode, attempts: 1 });
      expect(error.retryStop).toBe(`a ${code} is final`);
      expect(error.message).toContain(`${code} ${xmlCode}: ${message}`);
      expect(error.message).toContain(`not retried: a ${code} is final`);
      expect(retries).toEqual([]);
      await storage.until(() => storage.puts().every((r) => r.answered !== undefined || r.cutOff));
      expect(storage.puts().map((r) => [r.part, r.answered ?? 'cut off'])).toEqual([
        [1, code],
        [2, 'cut off'],
      ]);
    },
  );

  it('counts attempts per part: a part that succeeded leaves the next failure at attempt 1', async () => {
    const fail = status(500, {}, s3Error('InternalError', 'Try again.'));
    storage.handle(byAttempt({ 1: { 1: fail, 2: fail }, 2: { 1: fail, 2: fail }, 3: { 1: fail } }));
    const { result, retries, completed } = run({
      source: bytesSource(fileBytes(3 * KiB)),
      partSize: KiB,
      maxRetries: 2,
    });
    const transfer = await result;
    expect(retries.map((r) => [r.part, r.attempt])).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
      [3, 1],
    ]);
    expect(completed.map((c) => [c.part, c.attempts])).toEqual([
      [1, 3],
      [2, 3],
      [3, 2],
    ]);
    expect(transfer.retries).toBe(5);
  });

  it('gives up after maxRetries, saying so in the message', async () => {
    storage.handle(status(500, {}, s3Error('InternalError', 'We encountered an internal error.')));
    const { result, retries } = run({
      source: bytesSource(fileBytes(KiB)),
      partSize: KiB,
      maxRetries: 2,
    });
    const error = (await result.catch((e: unknown) => e)) as PartUploadError;
    expect(error).toBeInstanceOf(PartUploadError);
    expect(error).toMatchObject({ partNumber: 1, status: 500, code: 'InternalError', attempts: 3 });
    expect(error.retryStop).toBe('no retries left (maxRetries)');
    expect(error.message).toBe(
      'Part 1 failed after 3 attempts: storage answered 500 InternalError: We encountered an internal error. (not retried: no retries left (maxRetries))',
    );
    expect(retries).toHaveLength(2);
    expect(storage.puts()).toHaveLength(3);
  });

  it('gives up when the connection keeps failing, without the URL’s signature in the message', async () => {
    storage.handle(resetMidBody);
    const { result } = run({
      source: bytesSource(fileBytes(64 * KiB)),
      partSize: 64 * KiB,
      maxRetries: 1,
    });
    const error = (await result.catch((e: unknown) => e)) as PartUploadError;
    expect(error).toBeInstanceOf(PartUploadError);
    expect(error).toMatchObject({ partNumber: 1, status: undefined, attempts: 2 });
    expect(error.cause).toBeInstanceOf(APIConnectionError);
    expect(error.message).toContain('(not retried: no retries left (maxRetries))');
    expect(error.message).not.toContain(SIGNATURE);
    expect(String((error.cause as Error).message)).not.toContain(SIGNATURE);
  });

  it('stops retrying when the shared budget is spent, or storage asks to wait too long', async () => {
    storage.handle(status(503, {}, s3Error('ServiceUnavailable', 'Busy.')));
    const budget = new RetryBudget({ capacity: 5 });
    const spent = run({ source: bytesSource(fileBytes(KiB)), partSize: KiB, budget });
    const error = (await spent.result.catch((e: unknown) => e)) as PartUploadError;
    expect(error.retryStop).toBe('the shared retry budget is exhausted');
    expect(error.attempts).toBe(2);

    storage.handle(status(503, { 'Retry-After': '120' }, s3Error('SlowDown', 'Slow down.')));
    const tooLong = run({ source: bytesSource(fileBytes(KiB)), partSize: KiB });
    const late = (await tooLong.result.catch((e: unknown) => e)) as PartUploadError;
    expect(late.retryStop).toBe('storage asked to wait 120000 ms, longer than maxRetryDelayMs');
    expect(late.attempts).toBe(1);
  });

  it.each([
    [503, 'SlowDown'],
    [429, 'TooManyRequests'],
  ])(
    'holds every part while storage asks to slow down (%i %s with Retry-After)',
    async (code, xmlCode) => {
      const time = virtualTime({ hold: true });
      storage.handle(
        byAttempt({
          // Part 1 is refused once part 2 is in flight too.
          1: {
            1: async (request, { res, body }) => {
              await body();
              await storage.until(() => storage.puts().some((r) => r.part === 2 && r.body));
              answer(
                request,
                res,
                code,
                { 'Retry-After': '2' },
                s3Error(xmlCode, 'Please reduce your request rate.'),
              );
            },
          },
          // Part 2 is stored once the engine has taken in the refusal: its worker is free during the pause.
          2: {
            1: async (request, exchange) => {
              await exchange.body();
              await time.until(() => time.sleeps.length >= 1);
              await store(request, exchange);
            },
          },
        }),
      );
      const { result, retries } = run({
        source: bytesSource(fileBytes(4 * KiB)),
        partSize: KiB,
        concurrency: 2,
        time,
      });
      const newPartDuringPause = () => storage.puts().some((r) => r.part > 2 || r.attempt > 1);
      // Either both workers wait out the pause, or one sends a part during it.
      await Promise.race([
        time.until(() => time.sleeps.length === 2),
        storage.until(newPartDuringPause),
      ]);
      expect(storage.puts().map((r) => [r.part, r.answered])).toEqual([
        [1, code],
        [2, 200],
      ]);
      expect(newPartDuringPause()).toBe(false);
      // The refused part waits as asked; the free worker waits for what is left of the pause.
      expect(time.sleeps.map((s) => s.ms)).toEqual([2000, 2000]);
      time.release(2000);
      const transfer = await result;
      expect(transfer.retries).toBe(1);
      expect(retries).toMatchObject([{ part: 1, attempt: 1, delayMs: 2000 }]);
      expect(
        storage
          .puts()
          .slice(2)
          .map((r) => r.part)
          .sort(),
      ).toEqual([1, 3, 4]);
    },
  );

  it('holds only the failed part after a 500, even with Retry-After', async () => {
    const time = virtualTime({ hold: true });
    storage.handle(
      byAttempt({
        1: { 1: status(500, { 'Retry-After': '2' }, s3Error('InternalError', 'Oops.')) },
        // Part 2 is stored once the engine has taken in the refusal of part 1.
        2: {
          1: async (request, exchange) => {
            await exchange.body();
            await time.until(() => time.sleeps.length >= 1);
            await store(request, exchange);
          },
        },
      }),
    );
    const { result } = run({
      source: bytesSource(fileBytes(4 * KiB)),
      partSize: KiB,
      concurrency: 2,
      time,
    });
    await Promise.race([
      storage.until(() => storage.puts().some((r) => r.part === 4 && r.answered)),
      time.until(() => time.sleeps.length === 2),
    ]);
    expect(time.sleeps).toHaveLength(1);
    expect(
      storage
        .puts()
        .map((r) => r.part)
        .sort(),
    ).toEqual([1, 2, 3, 4]);
    time.release(2000);
    expect((await result).retries).toBe(1);
  });

  it('signs an expired URL afresh and tries again, spending no retry and no budget', async () => {
    const expired = status(403, {}, s3Error('AccessDenied', 'Request has expired'));
    storage.handle(byAttempt({ 1: { 1: expired, 2: expired } }));
    // No retry allowed, and a budget that cannot pay for one: the refresh needs neither.
    const budget = new RetryBudget({ capacity: 0 });
    const { result, urls, retries, completed } = run({
      source: bytesSource(fileBytes(2 * KiB)),
      partSize: KiB,
      maxRetries: 0,
      budget,
    });
    const transfer = await result;
    expect(transfer.retries).toBe(0);
    expect(retries).toEqual([]);
    expect(completed.map((c) => c.attempts)).toEqual([1, 1]);
    expect(urls).toEqual([
      { part: 1, need: 'use' },
      { part: 1, need: 'expired' },
      { part: 1, need: 'expired' },
      { part: 2, need: 'use' },
    ]);
    expect(storage.puts().map((r) => new URL(r.url, storage.base).searchParams.get('v'))).toEqual([
      '0',
      '1',
      '2',
      '0',
    ]);
  });

  it('counts a URL that keeps expiring as a failure after maxUrlRefreshes', async () => {
    storage.handle(status(403, {}, s3Error('AccessDenied', 'Request has expired')));
    const { result } = run({
      source: bytesSource(fileBytes(KiB)),
      partSize: KiB,
      maxUrlRefreshes: 2,
    });
    const error = (await result.catch((e: unknown) => e)) as PartUploadError;
    expect(error).toMatchObject({ status: 403, code: 'AccessDenied', retryStop: 'a 403 is final' });
    expect(storage.puts()).toHaveLength(3);
  });

  it('checks each ETag against the MD5 of the bytes sent: a wrong one is retried, then fails', async () => {
    const bytes = fileBytes(4 * KiB, 9);
    const wrong = `"${md5Hex(new Uint8Array([1, 2, 3]))}"`;
    const wrongEtag: Handler = async (request, { res, body }) => {
      await body();
      answer(request, res, 200, { ETag: wrong });
    };
    storage.handle(byAttempt({ 1: { 1: wrongEtag } }));
    const once = run({ source: bytesSource(bytes), partSize: 4 * KiB, maxRetries: 2 });
    const transfer = await once.result;
    expect(transfer.retries).toBe(1);
    expect(once.retries[0]!.error).toBeInstanceOf(ChecksumMismatchError);
    expect(once.stored).toEqual([{ number: 1, size: 4 * KiB, etag: `"${md5Hex(bytes)}"` }]);

    storage.handle(wrongEtag);
    const always = run({ source: bytesSource(bytes), partSize: 4 * KiB, maxRetries: 2 });
    const error = (await always.result.catch((e: unknown) => e)) as ChecksumMismatchError;
    expect(error).toBeInstanceOf(ChecksumMismatchError);
    expect(error).toMatchObject({
      partNumber: 1,
      expected: md5Hex(bytes),
      received: wrong.replace(/"/g, ''),
    });
  });

  it('accepts an ETag that is not an MD5 (a composite one) or none at all', async () => {
    storage.handle(
      byAttempt({
        1: { 1: status(200, { ETag: '"d41d8cd98f00b204e9800998ecf8427e-2"' }) },
        2: { 1: status(200) },
      }),
    );
    const { result, stored } = run({ source: bytesSource(fileBytes(2 * KiB)), partSize: KiB });
    expect((await result).retries).toBe(0);
    expect(stored).toEqual([
      { number: 1, size: KiB, etag: '"d41d8cd98f00b204e9800998ecf8427e-2"' },
      { number: 2, size: KiB },
    ]);
  });

  it('sends only the parts not yet stored, and hashes the whole file in order', async () => {
    const bytes = fileBytes(5 * KiB + 7, 4);
    const done = new Map<number, DonePart>([
      [1, { number: 1, size: KiB, etag: '"a"' }],
      [3, { number: 3, size: KiB, etag: '"c"' }],
    ]);
    const { result, plan } = run({
      source: bytesSource(bytes),
      partSize: KiB,
      concurrency: 2,
      done,
    });
    const transfer = await result;
    expect(transfer.sha256).toBe(sha256(bytes));
    expect(transfer.parts.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(transfer.parts[0]).toEqual({ number: 1, size: KiB, etag: '"a"' });
    expect(
      storage
        .puts()
        .map((r) => r.part)
        .sort(),
    ).toEqual([2, 4, 5, 6]);
    for (const put of storage.puts()) {
      const { offset, size } = partAt(plan, put.part);
      expect(put.body).toEqual(Buffer.from(bytes.subarray(offset, offset + size)));
    }
  });

  it('counts no byte of a failed attempt: progress never goes backwards, and reaches the total only at the end', async () => {
    storage.handle(byAttempt({ 1: { 1: status(500, {}, s3Error('InternalError', 'Oops.')) } }));
    const partSize = MiB;
    const bytes = fileBytes(2 * partSize, 6);
    // Every update is an event: the clock moves a second each time it is read.
    let clock = 0;
    const events: UploadProgress[] = [];
    const progress = new ProgressTracker({
      total: bytes.length,
      partsTotal: 2,
      onProgress: (p) => events.push(p),
      now: () => (clock += 1000),
      uploadId: 'up1',
    });
    const { result } = run({ source: bytesSource(bytes), partSize, progress });
    await result;
    progress.finish();
    const loaded = events.map((e) => e.loaded);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    // Part 1 was sent twice before it was stored: its bytes count once.
    const beforeFirstAck = events.filter((e) => e.partsDone === 0);
    expect(beforeFirstAck.length).toBeGreaterThan(4);
    expect(Math.max(...beforeFirstAck.map((e) => e.loaded))).toBe(partSize - 1);
    expect(events.filter((e) => e.loaded === bytes.length).every((e) => e.partsDone === 2)).toBe(
      true,
    );
    expect(events.at(-1)).toMatchObject({ loaded: bytes.length, partsDone: 2 });
  });
});

describe('transferParts hashes', () => {
  const expectStoredAsSent = (plan: ReturnType<typeof planParts>, bytes: Uint8Array) => {
    for (const put of storage.puts().filter((r) => r.answered === 200)) {
      const { offset, size } = partAt(plan, put.part);
      expect(put.body).toEqual(Buffer.from(bytes.subarray(offset, offset + size)));
    }
  };

  it('buffered parts, resumed ones among them: the file sha256 in order, each ETag checked', async () => {
    const bytes = fileBytes(9 * MiB + 3, 11);
    const partSize = 2 * MiB;
    const plan = planParts({ size: bytes.length, partSize, minPartSize: 1 });
    const etagOf = (n: number) => {
      const { offset, size } = partAt(plan, n);
      return `"${md5Hex(bytes.subarray(offset, offset + size))}"`;
    };
    const done = new Map<number, DonePart>([
      [2, { number: 2, size: partSize, etag: etagOf(2) }],
      [4, { number: 4, size: partSize, etag: etagOf(4) }],
    ]);
    const { result, stored } = run({
      source: bytesSource(bytes),
      partSize,
      concurrency: 3,
      done,
    });
    const transfer = await result;
    expect(transfer.sha256).toBe(sha256(bytes));
    expect(stored.map((p) => p.number).sort()).toEqual([1, 3, 5]);
    for (const part of stored) expect(part.etag).toBe(etagOf(part.number));
    expectStoredAsSent(plan, bytes);
  });

  it('parts streamed side by side (too large to hold) still give the file sha256, and retry bit-exact', async () => {
    // 2.5 MiB parts in 1 MiB chunks, 3 at a time: the later parts run ahead of the file hash.
    const bytes = fileBytes(10 * MiB + 5, 12);
    const partSize = 2.5 * MiB;
    storage.handle(byAttempt({ 2: { 1: resetMidBody } }));
    const { result, plan, stored } = run({
      source: bytesSource(bytes),
      partSize,
      concurrency: 3,
      buffered: false,
    });
    const transfer = await result;
    expect(transfer.sha256).toBe(sha256(bytes));
    expect(transfer.retries).toBe(1);
    expect(stored).toHaveLength(plan.partCount);
    for (const part of stored) {
      const { offset, size } = partAt(plan, part.number);
      expect(part.etag).toBe(`"${md5Hex(bytes.subarray(offset, offset + size))}"`);
    }
    expectStoredAsSent(plan, bytes);
  });

  it('a wrong ETag on a streamed part is caught', async () => {
    const bytes = fileBytes(3 * MiB, 13);
    storage.handle(async (request, { res, body }) => {
      await body();
      answer(request, res, 200, { ETag: `"${md5Hex(new Uint8Array([9]))}"` });
    });
    const { result } = run({
      source: bytesSource(bytes),
      partSize: 3 * MiB,
      buffered: false,
      maxRetries: 0,
    });
    await expect(result).rejects.toBeInstanceOf(ChecksumMismatchError);
  });

  it('with verifyEtags: false, takes any ETag and computes no MD5; the sha256 is still computed', async () => {
    const bytes = fileBytes(3 * MiB, 14);
    const wrong = `"${md5Hex(new Uint8Array([9]))}"`;
    storage.handle(async (request, { res, body }) => {
      await body();
      answer(request, res, 200, { ETag: wrong });
    });
    for (const buffered of [true, false]) {
      const { result, stored } = run({
        source: bytesSource(bytes),
        partSize: MiB,
        concurrency: 2,
        buffered,
        maxRetries: 0,
        verifyEtags: false,
      });
      const transfer = await result;
      expect(transfer).toMatchObject({ sha256: sha256(bytes), retries: 0 });
      expect(stored.map((p) => p.etag)).toEqual([wrong, wrong, wrong]);
    }
  });
});
