import { describe, expect, it } from 'vitest';
import { readBodyText } from './read-body-text.js';

/** A body of `chunks` chunks of `size` bytes, served lazily, counting what was pulled. */
function chunked(chunks: number, size: number, headers: Record<string, string> = {}) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new TextEncoder().encode('é'.repeat(size / 2)));
    },
  });
  return { response: new Response(stream, { headers }), pulled: () => pulled };
}

describe('readBodyText', () => {
  it('reads a body within the limit whole', async () => {
    expect(await readBodyText(new Response('hello'), 5)).toEqual({ text: 'hello', complete: true });
    expect(await readBodyText(new Response(null), 0)).toEqual({ text: '', complete: true });
    const { response } = chunked(3, 10);
    expect(await readBodyText(response, 30)).toEqual({ text: 'é'.repeat(15), complete: true });
  });

  it('stops at the limit, keeps what came before, and cancels the rest', async () => {
    const body = chunked(1000, 10);
    const result = await readBodyText(body.response, 25);
    expect(result).toEqual({ text: 'é'.repeat(12), complete: false });
    expect(body.pulled()).toBeLessThanOrEqual(4);
  });

  it('refuses a declared length over the limit before reading', async () => {
    const body = chunked(1000, 10, { 'content-length': '10000' });
    expect(await readBodyText(body.response, 100)).toEqual({ text: '', complete: false });
    expect(body.pulled()).toBeLessThanOrEqual(1);
  });

  it('counts a compressed body after decompression, whatever its content-length says', async () => {
    const body = chunked(1000, 10, { 'content-length': '50', 'content-encoding': 'gzip' });
    expect((await readBodyText(body.response, 100)).complete).toBe(false);
  });
});
