import { describe, expect, it } from 'vitest';
import { ConcurrencyError } from '../errors/concurrency-error.js';
import { createPartLimiter } from './part-limiter.js';

describe('createPartLimiter', () => {
  it('grants at most `limit` slots, then the waiting ones in arrival order', async () => {
    const limiter = createPartLimiter(2);
    const order: string[] = [];
    const a = await limiter.acquire();
    const b = await limiter.acquire();
    expect(limiter.active).toBe(2);
    const c = limiter.acquire().then((release) => (order.push('c'), release));
    const d = limiter.acquire().then((release) => (order.push('d'), release));
    await Promise.resolve();
    expect(order).toEqual([]);
    a();
    const releaseC = await c;
    expect(order).toEqual(['c']);
    expect(limiter.active).toBe(2);
    b();
    releaseC();
    (await d)();
    expect(order).toEqual(['c', 'd']);
    expect(limiter.active).toBe(0);
  });

  it('frees a slot once however often its release is called', async () => {
    const limiter = createPartLimiter(1);
    const release = await limiter.acquire();
    release();
    release();
    expect(limiter.active).toBe(0);
    const again = await limiter.acquire();
    expect(limiter.active).toBe(1);
    again();
  });

  it('stops waiting when the signal aborts, and the slot goes to the next one', async () => {
    const limiter = createPartLimiter(1);
    const held = await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    held();
    (await next)();
    expect(limiter.active).toBe(0);
    await expect(limiter.acquire(controller.signal)).rejects.toThrow('stop');
  });

  it('refuses a limit that is not a whole number of at least 1', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => createPartLimiter(bad)).toThrow(ConcurrencyError);
    }
  });
});
