import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answer, startLocalStorage, type LocalStorage } from '../testing/local-storage.js';
import { createNodeTransport } from './node-transport.js';

const STALL_MS = 987_654;

let storage: LocalStorage;
beforeEach(async () => {
  storage = await startLocalStorage();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await storage.close();
});

describe('createNodeTransport', () => {
  it('leaves no stall timer behind when storage answers before the body is through', async () => {
    // Each stall timer the transport arms, and whether it was cleared (or has run).
    const armed = new Map<unknown, boolean>();
    const realSet = globalThis.setTimeout;
    const realClear = globalThis.clearTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      const id = realSet(() => {
        armed.set(id, true);
        fn();
      }, ms);
      if (ms === STALL_MS) armed.set(id, false);
      return id;
    }) as typeof setTimeout);
    vi.spyOn(globalThis, 'clearTimeout').mockImplementation(((
      id: ReturnType<typeof setTimeout>,
    ) => {
      if (armed.has(id)) armed.set(id, true);
      realClear(id);
    }) as typeof clearTimeout);

    // A refusal sent at once, while 16 MiB are still being written.
    // The server reads on (as S3 and the sandbox do): the writes under way succeed after it.
    storage.handle((request, { req, res }) => {
      answer(request, res, 503, {}, 'SlowDown');
      req.resume();
    });
    const size = 16 * 2 ** 20;
    const bytes = new Uint8Array(size);
    const transport = createNodeTransport();
    const response = await transport.put({
      url: storage.urlOf('up1', 1),
      headers: { 'content-type': 'application/octet-stream' },
      size,
      chunks: async function* () {
        for (let at = 0; at < size; at += 2 ** 20) yield bytes.subarray(at, at + 2 ** 20);
      },
      signal: new AbortController().signal,
      onSent: () => undefined,
      stallTimeoutMs: STALL_MS,
    });
    expect(response.status).toBe(503);
    // Let the writes under way finish or fail (their callbacks used to re-arm the timer).
    await new Promise((resolve) => realSet(resolve, 100));
    transport.close?.();
    expect(armed.size).toBeGreaterThan(0);
    expect([...armed.values()].every(Boolean)).toBe(true);
  });
});
