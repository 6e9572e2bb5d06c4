import type { HttpBindings } from '@hono/node-server';

/** The hono environment of every sandbox route: node's request and response are reachable. */
export interface SandboxEnv {
  Bindings: HttpBindings;
  Variables: {
    /** The fault injected into this request, for the request log. */
    fault: 'error' | 'rateLimit' | 'reset' | undefined;
  };
}
