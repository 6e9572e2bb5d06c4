import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Context } from 'hono';
import type { SandboxEnv } from '../hono-env.js';

/** How the storage PUT reads a request body; chosen where the app is served, not by the route. */
export type BodyReader = (c: Context<SandboxEnv>) => Readable;

/** The standard Request's body: works under any hono adapter and with `app.request()`. */
export const webBodyReader: BodyReader = (c) => {
  const stream = c.req.raw.body;
  return stream ? Readable.fromWeb(stream as WebReadableStream) : Readable.from([]);
};

/**
 * Node's own request stream, for the app served by `@hono/node-server`: the Web body it would
 * otherwise wrap takes about twice the CPU per byte (node → Web → node streams).
 */
export const nodeBodyReader: BodyReader = (c) => c.env.incoming;
