import { createSandboxContext } from '../create-sandbox-context.js';
import type { SandboxOptions } from '../options.js';
import { closeDataDir, openDataDir } from '../persistence/data-dir.js';
import { StateStore } from '../persistence/state-store.js';
import type { SandboxContext } from '../sandbox-context.js';
import { ObjectStore } from '../storage/object-store.js';
import { capturingLogger, TestClock, testOptions } from './test-sandbox.js';
import type { CapturingLogger } from './test-sandbox.js';

/** The public URL of an in-process context: nothing listens on it. */
export const TEST_ORIGIN = 'http://sandbox.test';

export interface TestContext {
  readonly ctx: SandboxContext;
  readonly clock: TestClock;
  readonly logger: CapturingLogger;
  /** Removes the temporary data directory. */
  close(): Promise<void>;
}

/**
 * A sandbox context without a server, for services and `app.request()` tests: a temporary data
 * directory and the {@link testOptions} of a test sandbox.
 */
export async function openTestContext(options: SandboxOptions = {}): Promise<TestContext> {
  const clock = new TestClock();
  const logger = capturingLogger();
  const dataDir = await openDataDir(undefined);
  const store = await StateStore.open(dataDir.stateFile);
  const objects = new ObjectStore(dataDir, store, clock.now, {
    discard: options.discardObjects ?? false,
  });
  const ctx = createSandboxContext(testOptions(clock, logger, options), {
    dataDir,
    store,
    objects,
    publicUrl: () => TEST_ORIGIN,
  });
  return {
    ctx,
    clock,
    logger,
    close: async () => {
      ctx.scheduler.close();
      await store.flush();
      await closeDataDir(dataDir);
    },
  };
}
