import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { workerMd5 } from './md5-workers.js';
import type { WorkerMd5 } from './md5-workers.js';

/** How many leading bytes a received body keeps in memory (content checks of discarded bytes). */
export const HEAD_BYTES = 64;

/** Bytes gathered into one write: a write per socket chunk (64 KiB) costs far more CPU. */
const WRITE_BATCH = 1024 * 1024;

/** What was received: the byte count, the MD5 and the first bytes, computed while streaming. */
export interface ReceivedBody {
  /** Where the bytes are; undefined when they were discarded. */
  readonly file: string | undefined;
  readonly size: number;
  /** Hex MD5 of the bytes (what an S3 ETag is). */
  readonly md5: string;
  /** The first `min(size, HEAD_BYTES)` bytes. */
  readonly head: Buffer;
}

/** Writes every byte of `buffer` at the file's current position. */
async function writeAll(handle: FileHandle, buffer: Buffer): Promise<void> {
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset);
    offset += bytesWritten;
  }
}

/**
 * Counts what flows in, keeps the first bytes and gathers the rest into batches; each batch is
 * written to `handle` (if any), then handed to an MD5 worker (the SHA-256 is computed only when
 * asked for). One batch is in flight while the next one fills. A body smaller than one batch is
 * hashed right here: the worker only pays for itself on large ones.
 */
class HashingSink extends Writable {
  size = 0;
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  private batch: Uint8Array[] = [];
  private batchLength = 0;
  private inFlight: Promise<void> | undefined;
  private md5: WorkerMd5 | undefined;

  constructor(private readonly handle: FileHandle | undefined) {
    super({ highWaterMark: WRITE_BATCH });
  }

  override _write(chunk: Uint8Array, _encoding: BufferEncoding, callback: (e?: Error) => void) {
    this.size += chunk.length;
    if (this.headLength < HEAD_BYTES) {
      // A copy: a slice would keep the whole socket chunk alive.
      const head = Buffer.from(chunk.subarray(0, HEAD_BYTES - this.headLength));
      this.headChunks.push(head);
      this.headLength += head.length;
    }
    this.batch.push(chunk);
    this.batchLength += chunk.length;
    if (this.batchLength < WRITE_BATCH) return callback();
    this.flush().then(() => callback(), callback);
  }

  override _final(callback: (e?: Error) => void) {
    const rest = this.handle && this.batchLength > 0;
    const done = this.md5
      ? this.flush().then(() => this.inFlight)
      : // Smaller than a batch: written in one go, hashed here by result().
        rest
        ? writeAll(this.handle!, Buffer.concat(this.batch, this.batchLength))
        : Promise.resolve();
    done.then(() => callback(), callback);
  }

  /** Starts writing and hashing the gathered batch once the batch before it is done. */
  private async flush(): Promise<void> {
    await this.inFlight;
    if (this.batchLength === 0) return;
    // One buffer the batch owns whole, so the worker can take it without a copy.
    const batch = Buffer.concat(this.batch, this.batchLength);
    this.batch = [];
    this.batchLength = 0;
    const md5 = (this.md5 ??= workerMd5());
    const step = (async () => {
      if (this.handle) await writeAll(this.handle, batch);
      await md5.update(batch);
    })();
    // Awaited by the next flush or by _final; a stream destroyed before that never awaits it.
    step.catch(() => {});
    this.inFlight = step;
  }

  /** Resolves once no batch is in flight, whatever its outcome. */
  async settled(): Promise<void> {
    await this.inFlight?.catch(() => {});
  }

  /** Gives up the worker's share of an abandoned body. */
  cancel(): void {
    this.md5?.cancel();
  }

  async result(file: string | undefined): Promise<ReceivedBody> {
    const head = Buffer.concat(this.headChunks);
    if (!this.md5) {
      const md5 = createHash('md5');
      for (const chunk of this.batch) md5.update(chunk);
      return { file, size: this.size, md5: md5.digest('hex'), head };
    }
    return { file, size: this.size, md5: await this.md5.digest(), head };
  }
}

/**
 * Streams `source` into `file` (or nowhere, when `file` is undefined), hashing on the way. Memory
 * stays bounded: `pipeline` applies backpressure, so a slow disk slows the sender instead of
 * buffering. On failure the caller removes the file.
 */
export async function receiveBody(
  source: Readable,
  file: string | undefined,
  options: { signal?: AbortSignal } = {},
): Promise<ReceivedBody> {
  const handle = file === undefined ? undefined : await open(file, 'w');
  const sink = new HashingSink(handle);
  try {
    await pipeline(source, sink, options.signal ? { signal: options.signal } : {});
  } catch (error) {
    sink.cancel();
    throw error;
  } finally {
    await sink.settled();
    await handle?.close();
  }
  return sink.result(file);
}
