import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LinkedAbortController } from './linked-abort-controller.js';

describe('LinkedAbortController', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('follows its parent, with its reason, and says so', () => {
    const parent = new AbortController();
    const link = new LinkedAbortController(parent.signal, 10_000);
    parent.abort('stop');
    expect(link.signal.aborted).toBe(true);
    expect(link.signal.reason).toBe('stop');
    expect(link.cause).toBe('parent');
  });

  it('aborts on its timer with a TimeoutError', () => {
    const link = new LinkedAbortController(undefined, 5);
    vi.advanceTimersByTime(4);
    expect(link.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(link.cause).toBe('timeout');
    expect((link.signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('starts aborted when a parent already is', () => {
    const link = new LinkedAbortController(AbortSignal.abort('early'), 1);
    expect(link.signal.reason).toBe('early');
    expect(link.cause).toBe('parent');
  });

  it('lets go of its parent and timer when disposed', () => {
    const parent = new AbortController();
    const link = new LinkedAbortController(parent.signal, 5);
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(1);
    link.dispose();
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(20);
    parent.abort();
    expect(link.signal.aborted).toBe(false);
  });
});
