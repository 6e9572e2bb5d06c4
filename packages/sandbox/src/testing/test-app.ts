import type { Hono } from 'hono';
import { createApp } from '../app.js';
import type { SandboxEnv } from '../hono-env.js';
import type { SandboxOptions } from '../options.js';
import { ScenarioLifecycle } from '../scenario/scenario-lifecycle.js';
import { openTestContext } from './test-context.js';
import type { TestContext } from './test-context.js';

export interface TestApp extends TestContext {
  readonly app: Hono<SandboxEnv>;
  /** `app.request()`: a request handled in-process, without a socket. */
  request(url: string, init?: RequestInit): Promise<Response>;
}

/**
 * The whole sandbox app over an in-process context ({@link openTestContext}), for route tests
 * where no real socket is the point (resets, streaming and faults need `startTestSandbox`).
 */
export async function openTestApp(options: SandboxOptions = {}): Promise<TestApp> {
  const t = await openTestContext(options);
  const lifecycle = new ScenarioLifecycle(t.ctx);
  const app = createApp(t.ctx, lifecycle);
  return {
    ...t,
    app,
    request: async (url, init) => app.request(url, init),
    close: async () => {
      await lifecycle.idle();
      await t.close();
    },
  };
}
