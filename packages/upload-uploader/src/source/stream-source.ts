import { SourceSizeMismatchError } from '../errors/source-size-mismatch-error.js';
import type { UploadSource } from './upload-source.js';

/** A web `ReadableStream`, or anything async-iterable of bytes (a Node `Readable`). */
export type ByteStream = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** A stream with the size it was declared with. */
export interface SizedStream {
  readonly stream: ByteStream;
  /** The exact byte count the stream will give. */
  readonly size: number;
  readonly name?: string | undefined;
  readonly type?: string | undefined;
  readonly lastModified?: number | undefined;
}

export function isByteStream(value: unknown): value is ByteStream {
  return (
    typeof value === 'object' &&
    value !== null &&
    (typeof (value as ReadableStream).getReader === 'function' ||
      typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function')
  );
}

function chunksOf(
  stream: ByteStream,
): AsyncIterator<Uint8Array> & { return?: () => Promise<unknown> } {
  if (typeof (stream as ReadableStream).getReader === 'function') {
    // The reader API works everywhere; async iteration of web streams does not (Safari).
    const reader = (stream as ReadableStream<Uint8Array>).getReader();
    return {
      next: async () => {
        const { done, value } = await reader.read();
        return done ? { done: true, value: undefined } : { done: false, value };
      },
      return: async () => {
        await reader.cancel();
        return { done: true, value: undefined };
      },
    };
  }
  return (stream as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
}

/**
 * A stream read once, in order. Chunks rarely line up with parts, so each read copies from the
 * stream's chunks into the caller's buffer; the remainder of a chunk waits for the next read.
 */
export function streamSource(input: SizedStream): UploadSource {
  const { size } = input;
  const chunks = chunksOf(input.stream);
  let position = 0;
  /** Bytes taken from the stream but not yet read, in order (what a head peek or a split left). */
  const buffered: Uint8Array[] = [];
  let closed = false;

  async function next(): Promise<Uint8Array | undefined> {
    const chunk = buffered.shift();
    if (chunk) return chunk;
    for (;;) {
      const { done, value } = await chunks.next();
      if (done) return undefined;
      if (value.byteLength) return value;
    }
  }

  /** Fills `into` from the stream; returns how many bytes it got (fewer only at the stream's end). */
  async function fill(into: Uint8Array): Promise<number> {
    let filled = 0;
    while (filled < into.byteLength) {
      const chunk = await next();
      if (!chunk) break;
      const take = Math.min(chunk.byteLength, into.byteLength - filled);
      into.set(take === chunk.byteLength ? chunk : chunk.subarray(0, take), filled);
      if (take < chunk.byteLength) buffered.unshift(chunk.subarray(take));
      filled += take;
    }
    return filled;
  }

  return {
    kind: 'stream',
    size,
    name: input.name,
    type: input.type,
    lastModified: input.lastModified,
    seekable: false,
    async read(offset, into) {
      if (offset !== position) {
        throw new RangeError(`A stream is read in order: asked for byte ${offset}, at ${position}`);
      }
      const filled = await fill(into);
      position += filled;
      if (filled < into.byteLength) {
        throw new SourceSizeMismatchError({ expectedSize: size, actualSize: position });
      }
      // The last byte read: the stream must end here, as declared.
      if (position === size) {
        const extra = await next();
        if (extra)
          throw new SourceSizeMismatchError({
            expectedSize: size,
            actualSize: size + extra.byteLength,
          });
      }
    },
    async head(length) {
      if (position !== 0) throw new RangeError("A stream's head is read before the stream is");
      const head = new Uint8Array(Math.min(length, size));
      const filled = await fill(head);
      // Given back: the first read starts with these bytes.
      if (filled) buffered.unshift(head.subarray(0, filled));
      return head.subarray(0, filled);
    },
    async close() {
      if (closed) return;
      closed = true;
      await chunks.return?.();
    },
  };
}
