import { APIConnectionError } from '@upkit/core-http';
import { ChecksumMismatchError } from '../errors/checksum-mismatch-error.js';
import { PartStallError } from '../errors/part-stall-error.js';
import { PartUploadError } from '../errors/part-upload-error.js';
import type { CreateHasher } from '../hash/hasher.js';
import { inlineTransferHashes, type TransferHashes } from '../hash/transfer-hashes.js';
import { partAt, type PartPlan, type PlannedPart } from '../plan/plan-parts.js';
import type { ProgressTracker } from '../progress/progress-tracker.js';
import type { DonePart } from '../resume/resume-token.js';
import type { UploadSource } from '../source/upload-source.js';
import type { PartRetry, RetryCause } from './part-retry.js';
import type { PartLimiter } from './part-limiter.js';
import type { PartTransport, PutResponse } from './part-transport.js';
import { isExpiredUrlAnswer, parseStorageError } from './storage-error-xml.js';

/** Slices of a buffered part handed to the socket: small enough for smooth progress and stall checks. */
const SLICE = 256 * 1024;
/** Chunks read from the source for a streamed (unbuffered) part. */
const STREAM_CHUNK = 1024 * 1024;
/** Streamed chunks handed to the hashes and not hashed yet, before reading waits for them. */
const MAX_HASHING = 8;

/** Where to PUT a part, with exactly the headers its signature needs. */
export interface PartUrl {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Why a URL is asked for: first use (refresh it if it expires soon), or storage said it expired. */
export type UrlNeed = 'use' | 'expired';

export interface PartEvents {
  onPartComplete?:
    | ((event: { part: number; size: number; etag: string | undefined; attempts: number }) => void)
    | undefined;
  onRetry?:
    ((event: { part: number; attempt: number; error: Error; delayMs: number }) => void) | undefined;
}

export interface TransferOptions {
  readonly source: UploadSource;
  readonly plan: PartPlan;
  /** Parts storage already has (a resumed upload): hashed in order, never sent again. */
  readonly done: ReadonlyMap<number, DonePart>;
  readonly concurrency: number;
  /**
   * Hold each part in memory while it is sent (concurrency × part size): retries need no second
   * read and a stream can be retried. Off for a single PUT too large to hold, which is streamed
   * from the source instead.
   */
  readonly buffered: boolean;
  readonly partUrl: (part: PlannedPart, need: UrlNeed, signal: AbortSignal) => Promise<PartUrl>;
  readonly transport: PartTransport;
  readonly createHasher: CreateHasher;
  readonly progress: ProgressTracker;
  readonly signal: AbortSignal;
  readonly retry: PartRetry;
  readonly stallTimeoutMs: number;
  /** Check each ETag against the part's MD5. @default true */
  readonly verifyEtags?: boolean | undefined;
  /** Parts in flight across several uploads; each part's bytes live only while it holds a slot. */
  readonly limiter?: PartLimiter | undefined;
  /** How often in a row one part may meet an expired URL before that counts as a failure. */
  readonly maxUrlRefreshes: number;
  readonly events: PartEvents;
  /** Each part as storage acknowledges it (for the resume token). */
  readonly onPartDone: (part: DonePart) => void;
}

export interface TransferResult {
  /** Every part, in order (resumed ones included). */
  readonly parts: DonePart[];
  /** sha256 (hex) of the whole file, as sent, in part order. */
  readonly sha256: string;
  readonly retries: number;
}

/**
 * Sends every part not yet done, `concurrency` at a time, and resolves once storage has
 * acknowledged all of them. The first part that fails for good stops the others at once.
 */
export async function transferParts(options: TransferOptions): Promise<TransferResult> {
  const { plan, source, done, progress, createHasher } = options;
  const stop = new AbortController();
  const onAbort = () => stop.abort(options.signal.reason);
  if (options.signal.aborted) onAbort();
  options.signal.addEventListener('abort', onAbort, { once: true });
  const signal = stop.signal;

  const verify = options.verifyEtags ?? true;
  const hashes = inlineTransferHashes(createHasher)();
  // How far the file's sha256 has got: it takes the file's bytes in order only.
  const order = { upTo: 0 };
  const finished = new Map<number, DonePart>(done);
  for (const part of done.values()) progress.acknowledge(part.size);
  const counts = { retries: 0 };
  let pausedUntil = 0;
  let next = 1;
  // Reads happen in part order, so the file's sha256 needs no second read.
  let inOrder: Promise<unknown> = Promise.resolve();

  const sendPart = async (part: PlannedPart, bytes: Uint8Array | undefined): Promise<DonePart> => {
    const stream = bytes ? undefined : streamedBody(part, source, hashes, order, verify);
    const md5 = () => hashes.md5(part.number);
    let attempt = 0;
    let refreshes = 0;
    let lastRetryCost: number | undefined;
    let need: UrlNeed = 'use';
    for (;;) {
      attempt++;
      const wait = pausedUntil - options.retry.now();
      if (wait > 0) await options.retry.sleep(wait, signal);
      const { url, headers } = await options.partUrl(part, need, signal);
      need = 'use';
      if (stream && !stream.replayable()) {
        throw new PartUploadError({
          partNumber: part.number,
          attempts: attempt - 1,
          cause: new Error('a stream source cannot be sent twice'),
        });
      }
      const key = progress.begin(part.size);
      const transport = options.transport;
      // A transport that does not stream sends the part whole; the chunks are then read to hash.
      const whole = bytes ?? (transport.streams ? undefined : wholePart(source, part));
      const hashing = stream && !transport.streams ? drain(stream.chunks()) : undefined;
      // Awaited below; handled now too, so that a PUT that throws first leaves no unhandled rejection.
      hashing?.catch(() => undefined);
      let response: PutResponse | undefined;
      let cause: RetryCause;
      let error: Error;
      let answer: { status: number; code?: string; storageMessage?: string } | undefined;
      try {
        response = await transport.put({
          url,
          headers,
          size: part.size,
          chunks: bytes ? () => slices(bytes) : stream!.chunks,
          ...(whole instanceof Uint8Array ? { bytes: whole } : whole ? { blob: whole } : {}),
          signal,
          onSent: (sent) => progress.sent(key, sent),
          stallTimeoutMs: options.stallTimeoutMs,
        });
      } catch (caught) {
        progress.fail(key);
        if (signal.aborted || !(caught instanceof APIConnectionError)) throw caught;
        cause = { kind: caught instanceof PartStallError ? 'stall' : 'connection' };
        error = caught;
      }
      await hashing;
      if (response) {
        const { status, headers: received, body } = response;
        if (status >= 200 && status < 300) {
          const etag = received['etag'];
          const expected = verify ? await md5() : '';
          const sentEtag = etag?.replace(/^W\//, '').replace(/"/g, '');
          // A composite (multipart) or non-MD5 ETag says nothing about the bytes.
          if (
            !verify ||
            !sentEtag ||
            !/^[0-9a-f]{32}$/i.test(sentEtag) ||
            sentEtag.toLowerCase() === expected
          ) {
            progress.acknowledge(part.size, key);
            options.retry.succeeded(lastRetryCost);
            const result: DonePart = {
              number: part.number,
              size: part.size,
              ...(etag ? { etag } : {}),
            };
            options.events.onPartComplete?.({
              part: part.number,
              size: part.size,
              etag,
              attempts: attempt,
            });
            return result;
          }
          progress.fail(key);
          error = new ChecksumMismatchError({
            partNumber: part.number,
            expected,
            received: sentEtag,
          });
          cause = { kind: 'status', status: 500, headers: new Headers() };
        } else {
          progress.fail(key);
          if (isExpiredUrlAnswer(status, body) && refreshes < options.maxUrlRefreshes) {
            // Not a failure: sign afresh and try again, without spending the retry budget.
            refreshes++;
            attempt--;
            need = 'expired';
            continue;
          }
          const { code, message } = parseStorageError(body);
          answer = { status, code, storageMessage: message };
          error = new PartUploadError({ partNumber: part.number, attempts: attempt, ...answer });
          cause = { kind: 'status', status, headers: new Headers(definedHeaders(received)) };
        }
      }
      const decision = options.retry.decide(attempt, cause!);
      if ('stop' in decision) {
        if (error! instanceof ChecksumMismatchError) throw error;
        throw new PartUploadError({
          partNumber: part.number,
          attempts: attempt,
          ...answer,
          ...(answer ? {} : { cause: error! }),
          retryStop: decision.stop,
        });
      }
      refreshes = 0;
      const { delayMs, pauseAll } = decision;
      lastRetryCost = decision.cost;
      if (pauseAll) pausedUntil = Math.max(pausedUntil, options.retry.now() + delayMs);
      counts.retries++;
      options.events.onRetry?.({ part: part.number, attempt, error: error!, delayMs });
      await options.retry.sleep(delayMs, signal);
    }
  };

  const { limiter } = options;
  const worker = async (): Promise<void> => {
    const length = Math.min(plan.partSize, plan.size);
    // Under a shared limiter a part's bytes exist only while it holds its slot.
    const buffer = options.buffered && !limiter ? new Uint8Array(length) : undefined;
    while (!signal.aborted && next <= plan.partCount) {
      const release = limiter ? await limiter.acquire(signal) : undefined;
      try {
        if (signal.aborted || next > plan.partCount) break;
        await partTurn(buffer);
      } finally {
        release?.();
      }
    }
  };

  const partTurn = async (buffer: Uint8Array | undefined): Promise<void> => {
    const part = partAt(plan, next++);
    const bytes = options.buffered
      ? (buffer?.subarray(0, part.size) ?? new Uint8Array(part.size))
      : undefined;
    const read = (inOrder = inOrder.then(async () => {
      if (!bytes && !done.has(part.number)) return;
      // A resumed part is read only to be hashed (a streamed single PUT hashes as it sends).
      const resumed = done.has(part.number);
      const into = bytes ?? new Uint8Array(part.size);
      await source.read(part.offset, into);
      order.upTo += part.size;
      // The part's MD5 is awaited before its buffer is read into again; a resumed part's
      // buffer is read into next, so its hashing is awaited here.
      const hashing = hashes.update(into, {
        sha256: true,
        part: resumed || !verify ? undefined : part.number,
      });
      hashing.catch(() => undefined);
      if (resumed) await hashing;
    }));
    await read;
    if (done.has(part.number)) return;
    const result = await sendPart(part, bytes);
    finished.set(part.number, result);
    options.onPartDone(result);
  };

  try {
    const workers = Array.from({ length: Math.min(options.concurrency, plan.partCount) }, worker);
    const outcomes = await Promise.allSettled(
      workers.map((w) =>
        w.catch((error: unknown) => {
          // The first failure stops every other part at once.
          if (!signal.aborted) stop.abort(error);
          throw error;
        }),
      ),
    );
    if (options.signal.aborted) throw options.signal.reason;
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw signal.reason ?? failed.reason;
    if (signal.aborted) throw signal.reason;
    const parts = [...finished.values()].sort((a, b) => a.number - b.number);
    return { parts, sha256: await fileSha256(source, plan.size, hashes, order), ...counts };
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    hashes.dispose();
  }
}

/**
 * The file's sha256 once every part is stored. Parts streamed side by side (over 64 MiB each)
 * reach the hash only in file order: what went ahead of it is read once more here, in order.
 */
async function fileSha256(
  source: UploadSource,
  size: number,
  hashes: TransferHashes,
  order: { upTo: number },
): Promise<string> {
  if (order.upTo < size) {
    const chunk = new Uint8Array(Math.min(STREAM_CHUNK, size - order.upTo));
    while (order.upTo < size) {
      const bytes = chunk.subarray(0, Math.min(chunk.byteLength, size - order.upTo));
      await source.read(order.upTo, bytes);
      order.upTo += bytes.byteLength;
      await hashes.update(bytes, { sha256: true });
    }
  }
  return hashes.sha256();
}

/** A part as one piece, for transports that send whole bodies. */
function wholePart(source: UploadSource, part: PlannedPart): Blob | Uint8Array {
  if (!source.slice) {
    throw new PartUploadError({
      partNumber: part.number,
      attempts: 0,
      cause: new Error('this runtime cannot stream a request body: a stream this large needs Node'),
    });
  }
  return source.slice(part.offset, part.offset + part.size);
}

async function drain(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<void> {
  for await (const _chunk of chunks);
}

function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += SLICE) yield bytes.subarray(at, at + SLICE);
}

function definedHeaders(headers: Readonly<Record<string, string | undefined>>): [string, string][] {
  return Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined);
}

/**
 * A part sent straight from the source, chunk by chunk. The part's MD5 takes each byte once: a
 * retry re-reads the source (a file or Blob) but hashes only past what was hashed. The file's
 * sha256 takes a chunk only when it is the file's next one (see `fileSha256`).
 */
function streamedBody(
  part: PlannedPart,
  source: UploadSource,
  hashes: TransferHashes,
  order: { upTo: number },
  md5: boolean,
) {
  let hashedUpTo = 0;
  let started = false;
  return {
    replayable: () => source.seekable || !started,
    async *chunks(): AsyncGenerator<Uint8Array> {
      started = true;
      const hashing: Promise<void>[] = [];
      for (let at = 0; at < part.size; at += STREAM_CHUNK) {
        // A fresh chunk each time: the socket and the hashes may both still hold the last one.
        const chunk = new Uint8Array(Math.min(STREAM_CHUNK, part.size - at));
        await source.read(part.offset + at, chunk);
        const sha256 = part.offset + at === order.upTo;
        if (sha256) order.upTo += chunk.byteLength;
        const first = md5 && at === hashedUpTo;
        if (first) hashedUpTo += chunk.byteLength;
        if (sha256 || first) {
          const hashed = hashes.update(chunk, { sha256, part: first ? part.number : undefined });
          hashed.catch(() => undefined);
          hashing.push(hashed);
          // Bounded: reading waits for the hashes rather than pile chunks up for them.
          if (hashing.length > MAX_HASHING) await hashing.shift();
        }
        yield chunk;
      }
      await Promise.all(hashing);
    },
  };
}
