import type { Context, MiddlewareHandler } from 'hono';
import type { SandboxEnv } from './hono-env.js';

/** JSON bodies (both APIs, the inspection API) are small; anything larger is refused. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/** Reads what is left of a body and drops it, so the client can finish sending. */
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  try {
    while (!(await reader.read()).done);
  } catch {
    // The client went away: nothing is left to drop.
  }
}

/**
 * Reads a body up to `limit` bytes. Resolves with the bytes, `'tooLarge'` as soon as the limit is
 * passed (the rest is then read and dropped as it arrives, never kept), or `'incomplete'` when the
 * client went away first.
 */
async function readBounded(
  body: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array | 'tooLarge' | 'incomplete'> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return Buffer.concat(chunks);
      size += value.byteLength;
      if (size > limit) {
        void discardRest(reader);
        return 'tooLarge';
      }
      chunks.push(value);
    }
  } catch {
    return 'incomplete';
  }
}

/**
 * Refuses request bodies over {@link JSON_BODY_LIMIT} before they are buffered: a declared
 * Content-Length at once, a body of unknown length (chunked, or a stream handed to
 * `app.request()`) as soon as it passes the limit. It works on the Web `Request` alone, so it runs
 * under any hono adapter.
 *
 * hono's own `bodyLimit` cannot be used: for a body without Content-Length it re-creates the
 * request with `new Request(c.req.raw, …)`, and under `@hono/node-server` with
 * `overrideGlobalObjects: false` (the sandbox keeps the process's own globals) `c.req.raw` is the
 * server's lightweight request, which the global `Request` constructor does not accept ("Cannot
 * read properties of undefined (reading 'window')"): every chunked or length-less request was a
 * 500. Here such a body is read from `c.req.raw.body` and handed on as a new `Request` built from
 * the URL.
 */
export function jsonBodyLimit(
  onTooLarge: (c: Context<SandboxEnv>) => Response | Promise<Response>,
): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    // Node has already refused malformed lengths and requests with both headers.
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(length) <= JSON_BODY_LIMIT ? next() : onTooLarge(c);
    }
    const stream = c.req.raw.body;
    if (stream === null) return next();
    const body = await readBounded(stream, JSON_BODY_LIMIT);
    if (body === 'tooLarge') return onTooLarge(c);
    // The client went away mid-body: nobody reads this answer.
    if (body === 'incomplete') return c.body(null, 400);
    c.req.raw = new Request(c.req.url, { method, headers: c.req.raw.headers, body });
    return next();
  };
}
