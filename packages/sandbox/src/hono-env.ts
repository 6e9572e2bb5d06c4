import type { HttpBindings } from '@hono/node-server';

/** The hono environment of every sandbox route: node's request and response are reachable. */
export interface SandboxEnv {
  Bindings: HttpBindings;
  Variables: {
    /** The fault injected into this request, for the request log. */
    fault: 'error' | 'rateLimit' | 'reset' | undefined;
    /** What the request got away with that strict mode refuses, for the request log. */
    warnings: string[] | undefined;
  };
}
