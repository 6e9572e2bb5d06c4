import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SourceSizeMismatchError } from '../errors/source-size-mismatch-error.js';
import { streamSource } from './stream-source.js';

const bytes = (n: number, from = 0) => Uint8Array.from({ length: n }, (_, i) => (from + i) % 251);
const webStream = (chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });

async function readAll(source: ReturnType<typeof streamSource>, partSize: number) {
  const out: number[] = [];
  for (let at = 0; at < source.size; at += partSize) {
    const into = new Uint8Array(Math.min(partSize, source.size - at));
    await source.read(at, into);
    out.push(...into);
  }
  return Uint8Array.from(out);
}

describe('streamSource', () => {
  it.each([
    ['a web ReadableStream', () => webStream([bytes(7), bytes(1, 7), bytes(12, 8)])],
    ['a Node Readable', () => Readable.from([Buffer.from(bytes(3)), Buffer.from(bytes(17, 3))])],
  ])('reads %s in parts whatever its chunks, after a peek at its head', async (_name, make) => {
    const source = streamSource({ stream: make(), size: 20 });
    expect([...(await source.head(5))]).toEqual([...bytes(5)]);
    expect([...(await readAll(source, 6))]).toEqual([...bytes(20)]);
    await source.close();
  });

  it('refuses to read out of order', async () => {
    const source = streamSource({ stream: webStream([bytes(10)]), size: 10 });
    await expect(source.read(4, new Uint8Array(2))).rejects.toThrow(/read in order/);
  });

  it('says when the stream ends early or runs past its size', async () => {
    const short = streamSource({ stream: webStream([bytes(8)]), size: 10 });
    const error = await short.read(0, new Uint8Array(10)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceSizeMismatchError);
    expect(error).toMatchObject({ expectedSize: 10, actualSize: 8 });
    const long = streamSource({ stream: webStream([bytes(8), bytes(4)]), size: 10 });
    await long.read(0, new Uint8Array(5));
    await expect(long.read(5, new Uint8Array(5))).rejects.toMatchObject({
      expectedSize: 10,
      actualSize: 12,
    });
  });
});
