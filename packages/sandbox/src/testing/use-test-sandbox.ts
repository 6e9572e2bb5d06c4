import { afterEach } from 'vitest';
import type { SandboxOptions } from '../options.js';
import { openTestApp } from './test-app.js';
import type { TestApp } from './test-app.js';
import { startTestSandbox } from './test-sandbox.js';
import type { TestSandbox } from './test-sandbox.js';

/** A `start` that opens with `open`; whatever it opened is closed after each test. */
function closedAfterEach<T>(
  open: (options: SandboxOptions) => Promise<T>,
  close: (opened: T) => Promise<void>,
): (options?: SandboxOptions) => Promise<T> {
  const opened: T[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map(close));
  });
  return async (options = {}) => {
    const t = await open(options);
    opened.push(t);
    return t;
  };
}

/**
 * For a test file: a `start` that starts a {@link startTestSandbox} (on a socket), closed after
 * each test. Call it at the top level of the file.
 */
export const useTestSandbox = (): ((options?: SandboxOptions) => Promise<TestSandbox>) =>
  closedAfterEach(startTestSandbox, (t) => t.sandbox.close());

/**
 * For a test file: a `start` that opens an {@link openTestApp} (in-process), closed after each
 * test. Call it at the top level of the file.
 */
export const useTestApp = (): ((options?: SandboxOptions) => Promise<TestApp>) =>
  closedAfterEach(openTestApp, (t) => t.close());
