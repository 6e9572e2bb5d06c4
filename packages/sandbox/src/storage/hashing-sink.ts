import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** What was written: the byte count and digests, computed while streaming. */
export interface ReceivedBody {
  readonly file: string;
  readonly size: number;
  readonly sha256: string;
  readonly md5: string;
}

/**
 * Streams `sources` one after the other into `file`, hashing on the way. Memory stays bounded:
 * `pipeline` applies backpressure, so a slow disk slows the sender instead of buffering.
 */
export async function streamToFile(
  sources: readonly (Readable | AsyncIterable<Uint8Array>)[],
  file: string,
  options: { signal?: AbortSignal } = {},
): Promise<ReceivedBody> {
  const sha256 = createHash('sha256');
  const md5 = createHash('md5');
  let size = 0;
  const hasher = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sha256.update(chunk);
      md5.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  async function* concat() {
    for (const source of sources) {
      for await (const chunk of source) yield chunk as Uint8Array;
    }
  }
  const input = sources.length === 1 ? sources[0]! : concat();
  await pipeline(input, hasher, createWriteStream(file), { signal: options.signal });
  return { file, size, sha256: sha256.digest('hex'), md5: md5.digest('hex') };
}
