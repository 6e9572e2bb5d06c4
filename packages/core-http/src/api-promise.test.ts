import { describe, expect, it } from 'vitest';
import { APIPromise, type WithResponse } from './api-promise.js';
import { processEventsDuring } from './testing/process-events.js';

const response = new Response(null, { status: 204 });
const result = <T>(data: T): Promise<WithResponse<T>> =>
  Promise.resolve({ data, response, requestId: 'req_1' });

describe('APIPromise', () => {
  it('resolves to the data, and withResponse to data, response and request id', async () => {
    const promise = new APIPromise(result(42));
    expect(promise).toBeInstanceOf(Promise);
    expect(await promise).toBe(42);
    expect(await promise.withResponse()).toEqual({ data: 42, response, requestId: 'req_1' });
    expect(await Promise.all([promise])).toEqual([42]);
    expect(await promise.then((n) => n + 1)).toBe(43);
  });

  it('asResponse() asks the call for the raw Response and resolves to it', async () => {
    const mode = { raw: false };
    const promise = new APIPromise(result(undefined), mode);
    const raw = promise.asResponse();
    expect(mode.raw).toBe(true);
    expect(await raw).toBe(response);
  });

  it('rejects through await, catch, finally and asResponse', async () => {
    const failing = () => new APIPromise<number>(Promise.reject(new Error('boom')));
    await expect(failing()).rejects.toThrow('boom');
    expect(await failing().catch((e: Error) => e.message)).toBe('boom');
    await expect(failing().finally(() => {})).rejects.toThrow('boom');
    await expect(failing().asResponse()).rejects.toThrow('boom');
  });

  it('raises no unhandled rejection when only withResponse() is awaited', async () => {
    const seen = await processEventsDuring('unhandledRejection', async () => {
      const promise = new APIPromise<number>(Promise.reject(new Error('boom')));
      await expect(promise.withResponse()).rejects.toThrow('boom');
    });
    expect(seen).toEqual([]);
  });

  it('still reports a failure nobody listens to', async () => {
    const seen = await processEventsDuring('unhandledRejection', async () => {
      void new APIPromise<number>(Promise.reject(new Error('forgotten')));
    });
    expect(seen).toHaveLength(1);
  });
});
