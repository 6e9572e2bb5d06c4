import type { Context } from 'hono';
import type { SandboxEnv } from './hono-env.js';

/**
 * The request's body, read as JSON.
 * @param notJson the API's own refusal of a body that is not JSON
 */
export async function readJsonBody(c: Context<SandboxEnv>, notJson: () => Error): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw notJson();
  }
}
