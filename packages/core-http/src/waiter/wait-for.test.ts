import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APIUserAbortError } from '../errors/api-user-abort-error.js';
import { WaiterFailureError } from '../errors/waiter-failure-error.js';
import { WaiterTimeoutError } from '../errors/waiter-timeout-error.js';
import { waitFor } from './wait-for.js';
import { waiterDelay } from './waiter-delay.js';

type Upload = { status: string; entityId?: string };

/** A poll function walking through a fixed list of states (the last one repeats). */
function states(...list: Upload[]) {
  let index = 0;
  return async () => list[Math.min(index++, list.length - 1)]!;
}

const isSuccess = (u: Upload) => u.status === 'imported' && u.entityId !== undefined;
/** No waiting between polls: these tests are about what is polled, not when. */
const noWait = { sleep: async () => {} };
const isFailure = (u: Upload) => u.status === 'failed';

describe('waiterDelay', () => {
  it('grows exponentially from min to max, jittered within bounds', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => waiterDelay(n, 100, 1000, 0))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect(waiterDelay(3, 100, 1000, 0.5, () => 0)).toBe(200);
    expect(waiterDelay(3, 100, 1000, 0.5, () => 1)).toBe(600);
    expect(waiterDelay(1, 100, 1000, 1, () => 0)).toBe(100);
    expect(waiterDelay(9, 100, 1000, 1, () => 1)).toBe(1000);
  });
});

describe('waitFor', () => {
  it('polls until success and reports each value', async () => {
    const seen: string[] = [];
    const result = await waitFor({
      poll: states(
        { status: 'validating' },
        { status: 'validated' },
        { status: 'imported', entityId: 'asset_1' },
      ),
      isSuccess,
      isFailure,
      onPoll: (u) => seen.push(u.status),
      ...noWait,
    });
    expect(result).toEqual({ status: 'imported', entityId: 'asset_1' });
    expect(seen).toEqual(['validating', 'validated', 'imported']);
  });

  it('stops on a terminal failure with the value', async () => {
    const error = await waitFor({
      poll: states({ status: 'validating' }, { status: 'failed' }),
      isSuccess,
      isFailure,
      ...noWait,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterFailureError);
    expect((error as WaiterFailureError<Upload>).value).toEqual({ status: 'failed' });
    expect((error as WaiterFailureError).attempts).toBe(2);
  });

  it('stops with the error failureError builds, given the value and the number of polls', async () => {
    class ImportFailed extends Error {}
    const seen: [Upload, number][] = [];
    const error = await waitFor({
      poll: states({ status: 'validating' }, { status: 'validating' }, { status: 'failed' }),
      isSuccess,
      isFailure,
      failureError: (value, attempts) => {
        seen.push([value, attempts]);
        return new ImportFailed(`failed after ${attempts} polls`);
      },
      ...noWait,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFailed);
    expect((error as Error).message).toBe('failed after 3 polls');
    expect(seen).toEqual([[{ status: 'failed' }, 3]]);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('times out with the last observed value, without sleeping past the deadline', async () => {
    // A virtual clock: the verdict must not depend on how busy the machine is.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    {
      const started = Date.now();
      const polledAt: number[] = [];
      const poll = states({ status: 'validating' });
      const pending = waitFor({
        poll: () => {
          polledAt.push(Date.now() - started);
          return poll();
        },
        isSuccess,
        minDelayMs: 40,
        maxDelayMs: 40,
        jitter: 0,
        timeoutMs: 100,
      }).catch((e: unknown) => e);
      await vi.runAllTimersAsync();
      const error = await pending;
      expect(error).toBeInstanceOf(WaiterTimeoutError);
      expect((error as WaiterTimeoutError<Upload>).lastValue).toEqual({ status: 'validating' });
      // Polls at 0, 40 and 80 ms; a fourth would start at 120 ms, past the deadline, so it gives
      // up at 80 ms instead of sleeping until the deadline.
      expect(polledAt).toEqual([0, 40, 80]);
      expect((error as WaiterTimeoutError).attempts).toBe(3);
      expect(Date.now() - started).toBe(80);
    }
  });

  it('reads the deadline on the clock it is given', async () => {
    let clock = 0;
    const error = await waitFor({
      poll: states({ status: 'validating' }),
      isSuccess,
      minDelayMs: 40,
      maxDelayMs: 40,
      jitter: 0,
      timeoutMs: 100,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'WaiterTimeoutError', attempts: 3 });
    expect(clock).toBe(80);
  });

  it('aborts a poll that runs into the deadline', async () => {
    vi.useFakeTimers();
    let pollSignal: AbortSignal | undefined;
    const pending = waitFor({
      poll: (signal) => {
        pollSignal = signal;
        return new Promise<Upload>((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason)),
        );
      },
      isSuccess,
      timeoutMs: 30,
    }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(30);
    const error = await pending;
    expect(error).toBeInstanceOf(WaiterTimeoutError);
    expect((error as WaiterTimeoutError).lastValue).toBeUndefined();
    expect(pollSignal?.aborted).toBe(true);
  });

  it('stops at once on abort, during a pause, leaving no listener', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const pending = waitFor({
      poll: states({ status: 'validating' }),
      isSuccess,
      minDelayMs: 10_000,
      signal: controller.signal,
    });
    await vi.advanceTimersByTimeAsync(20);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    await expect(
      waitFor({ poll: states({ status: 'x' }), isSuccess, signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('stops with the request’s own abort error when the signal aborts a poll', async () => {
    const controller = new AbortController();
    const own = new APIUserAbortError({ method: 'GET', url: 'https://api.test/v1/u' });
    const error = await waitFor({
      poll: async () => {
        controller.abort();
        throw own;
      },
      isSuccess,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(error).toBe(own);
  });

  it('propagates poll errors unless they are retryable', async () => {
    let calls = 0;
    const flaky = async (): Promise<Upload> => {
      calls++;
      if (calls < 3) throw new Error('transient');
      return { status: 'imported', entityId: 'a' };
    };
    await expect(waitFor({ poll: flaky, isSuccess, ...noWait })).rejects.toThrow('transient');
    calls = 0;
    await expect(
      waitFor({ poll: flaky, isSuccess, ...noWait, isRetryable: () => true }),
    ).resolves.toEqual({ status: 'imported', entityId: 'a' });
    expect(calls).toBe(3);
  });

  it('checks its options', async () => {
    await expect(
      waitFor({ poll: states({ status: 'x' }), isSuccess, minDelayMs: 10, maxDelayMs: 5 }),
    ).rejects.toThrow(/maxDelayMs/);
    await expect(waitFor({ poll: states({ status: 'x' }), isSuccess, jitter: 2 })).rejects.toThrow(
      /jitter/,
    );
  });
});
