import { afterEach } from 'vitest';
import type { SandboxOptions } from '../options.js';
import { startTestSandbox } from './test-sandbox.js';
import type { TestSandbox } from './test-sandbox.js';

/**
 * For a test file: a `start` that opens a {@link startTestSandbox}, closed after each test.
 * Call it at the top level of the file.
 */
export function useTestSandbox(): (options?: SandboxOptions) => Promise<TestSandbox> {
  let current: TestSandbox | undefined;
  afterEach(async () => {
    await current?.sandbox.close();
    current = undefined;
  });
  return async (options = {}) => {
    current = await startTestSandbox(options);
    return current;
  };
}
