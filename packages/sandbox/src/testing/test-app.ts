import type { Hono } from 'hono';
import { createApp } from '../app.js';
import type { SandboxEnv } from '../hono-env.js';
import type { SandboxOptions } from '../options.js';
import { sandboxUrls } from '../sandbox-urls.js';
import { ScenarioLifecycle } from '../scenario/scenario-lifecycle.js';
import type { SandboxEndpoint } from './http.js';
import { openTestContext, TEST_ORIGIN } from './test-context.js';
import type { TestContext } from './test-context.js';

export interface TestApp extends TestContext {
  readonly app: Hono<SandboxEnv>;
  /** `app.request()`: a request handled in-process, without a socket. */
  request(url: string, init?: RequestInit): Promise<Response>;
  /** The app as the helpers of `http.ts` reach it, like a listening sandbox. */
  readonly sandbox: SandboxEndpoint;
  /** Resolves once no background check of a Scenario upload is running. */
  settled(): Promise<void>;
}

/**
 * The whole sandbox app over an in-process context ({@link openTestContext}), for route tests
 * where no real socket is the point (resets, streaming and faults need `startTestSandbox`).
 */
export async function openTestApp(options: SandboxOptions = {}): Promise<TestApp> {
  const t = await openTestContext(options);
  const lifecycle = new ScenarioLifecycle(t.ctx);
  const app = createApp(t.ctx, lifecycle);
  const request = async (url: string, init?: RequestInit) => app.request(url, init);
  return {
    ...t,
    app,
    request,
    sandbox: {
      ...sandboxUrls(TEST_ORIGIN),
      credentials: t.ctx.credentials,
      strict: t.ctx.strict,
      fetch: request,
    },
    settled: () => lifecycle.idle(),
    close: async () => {
      await lifecycle.idle();
      await t.close();
    },
  };
}
