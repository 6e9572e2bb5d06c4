import { APIConnectionError, redactUrl } from '@upkit/core-http';
import { PartStallError } from '../errors/part-stall-error.js';
import {
  MAX_ERROR_BODY,
  type PartTransport,
  type PutRequest,
  type PutResponse,
} from './part-transport.js';

/**
 * Part PUTs with `fetch`, for browsers, Deno, Bun and Workers: the body is a Blob slice or a part
 * already in memory, never a stream (request streams need HTTP/2 and duplex support that most
 * runtimes lack). fetch reports no upload progress: a part counts all at once, when it is sent.
 */
export function createFetchTransport(fetchImpl: typeof fetch = globalThis.fetch): PartTransport {
  return {
    streams: false,
    async put(request: PutRequest): Promise<PutResponse> {
      const { url, headers, signal, stallTimeoutMs, size } = request;
      const body = request.blob ?? request.bytes;
      if (!body)
        throw new TypeError('The fetch transport sends parts that are in memory or Blob slices');
      // No byte-level progress to watch: the stall limit covers the whole exchange.
      const link = new AbortController();
      const stop = () => link.abort(signal.reason);
      signal.addEventListener('abort', stop, { once: true });
      const timer = setTimeout(
        () => link.abort(new PartStallError({ url: redactUrl(url), stallTimeoutMs })),
        stallTimeoutMs,
      );
      try {
        const response = await fetchImpl(url, {
          method: 'PUT',
          headers,
          body: body as Blob,
          signal: link.signal,
        });
        const text = (await response.text()).slice(0, MAX_ERROR_BODY);
        request.onSent(size);
        const received: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          received[name] = value;
        });
        return { status: response.status, headers: received, body: text };
      } catch (cause) {
        if (signal.aborted) throw signal.reason;
        if (link.signal.reason instanceof PartStallError) throw link.signal.reason;
        throw new APIConnectionError({ method: 'PUT', url: redactUrl(url), cause });
      } finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', stop);
      }
    },
  };
}
