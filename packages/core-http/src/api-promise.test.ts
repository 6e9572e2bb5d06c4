import { describe, expect, it } from 'vitest';
import { APIPromise } from './api-promise.js';

const response = new Response(null, { status: 204 });

/** Collects unhandled rejections while `run` and the next turn of the event loop happen. */
async function unhandledDuring(run: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  try {
    await run();
    // Node reports unhandled rejections once the microtask queue drains, before the next
    // macrotask: a setImmediate is enough, whatever the machine's load.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('unhandledRejection', listener);
  }
  return seen;
}

describe('APIPromise', () => {
  it('resolves to the data, and withResponse to data and response', async () => {
    const promise = new APIPromise(Promise.resolve({ data: 42, response }));
    expect(promise).toBeInstanceOf(Promise);
    expect(await promise).toBe(42);
    expect(await promise.withResponse()).toEqual({ data: 42, response });
    expect(await Promise.all([promise])).toEqual([42]);
    expect(await promise.then((n) => n + 1)).toBe(43);
  });

  it('rejects through await, catch and finally', async () => {
    const failing = () => new APIPromise<number>(Promise.reject(new Error('boom')));
    await expect(failing()).rejects.toThrow('boom');
    expect(await failing().catch((e: Error) => e.message)).toBe('boom');
    await expect(failing().finally(() => {})).rejects.toThrow('boom');
  });

  it('raises no unhandled rejection when only withResponse() is awaited', async () => {
    const seen = await unhandledDuring(async () => {
      const promise = new APIPromise<number>(Promise.reject(new Error('boom')));
      await expect(promise.withResponse()).rejects.toThrow('boom');
    });
    expect(seen).toEqual([]);
  });

  it('still reports a failure nobody listens to', async () => {
    const seen = await unhandledDuring(async () => {
      void new APIPromise<number>(Promise.reject(new Error('forgotten')));
    });
    expect(seen).toHaveLength(1);
  });
});
