import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { SandboxEnv } from './hono-env.js';

/** JSON bodies (both APIs, the inspection API) are small; anything larger is refused. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * Reads a chunked body up to `limit` bytes. Resolves with the bytes, `'tooLarge'` as soon as the
 * limit is passed (the rest is then discarded as it arrives, never kept), or `'incomplete'` when
 * the client went away first.
 */
function readBounded(
  incoming: IncomingMessage,
  limit: number,
): Promise<Buffer | 'tooLarge' | 'incomplete'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (result: Buffer | 'tooLarge' | 'incomplete') => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onGone);
      incoming.off('close', onGone);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Still flowing with no listener: node drops what follows, and the answer can go out.
        settle('tooLarge');
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => settle(Buffer.concat(chunks));
    const onGone = () => settle('incomplete');
    incoming.on('data', onData);
    incoming.once('end', onEnd);
    incoming.once('error', onGone);
    incoming.once('close', onGone);
  });
}

/**
 * Refuses request bodies over {@link JSON_BODY_LIMIT} before they are buffered: a declared
 * Content-Length at once, a chunked body as soon as it passes the limit.
 *
 * hono's own `bodyLimit` cannot be used: for a body without Content-Length it re-creates the
 * request with `new Request(c.req.raw, …)`, and under `@hono/node-server` with
 * `overrideGlobalObjects: false` (the sandbox keeps the process's own globals) `c.req.raw` is the
 * server's lightweight request, which the global `Request` constructor does not accept ("Cannot
 * read properties of undefined (reading 'window')"): every chunked or length-less request was a
 * 500. Here a chunked body is read from node's request and handed on as a new `Request` built from
 * the URL.
 */
export function jsonBodyLimit(
  onTooLarge: (c: Context<SandboxEnv>) => Response | Promise<Response>,
): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    // Node has already refused malformed lengths and requests with both headers.
    if (c.req.header('transfer-encoding') === undefined) {
      const length = c.req.header('content-length');
      // No Content-Length and no Transfer-Encoding: no body at all (RFC 9112 §6.3).
      if (length === undefined || Number(length) <= JSON_BODY_LIMIT) return next();
      return onTooLarge(c);
    }
    const body = await readBounded(c.env.incoming, JSON_BODY_LIMIT);
    if (body === 'tooLarge') return onTooLarge(c);
    // The client went away mid-body: nobody reads this answer.
    if (body === 'incomplete') return c.body(null, 400);
    c.req.raw = new Request(c.req.url, {
      method,
      headers: c.req.raw.headers,
      body: new Uint8Array(body),
    });
    return next();
  };
}
