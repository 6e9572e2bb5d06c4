import { APIConnectionError, redactUrl } from '@upkit/core-http';
import { PartStallError } from '../errors/part-stall-error.js';
import {
  MAX_ERROR_BODY,
  type PartTransport,
  type PutRequest,
  type PutResponse,
} from './part-transport.js';

/** The part of `XMLHttpRequest` the transport uses (a browser's, or a stand-in). */
export interface XhrLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: Blob | Uint8Array): void;
  abort(): void;
  getAllResponseHeaders(): string;
  readonly status: number;
  readonly responseText: string;
  readonly upload: {
    addEventListener(type: 'progress', listener: (event: { loaded: number }) => void): void;
  };
  addEventListener(type: 'load' | 'error' | 'abort' | 'timeout', listener: () => void): void;
}

/** A constructor of {@link XhrLike}, such as `XMLHttpRequest`. */
export type XhrConstructor = new () => XhrLike;

/** Parses `getAllResponseHeaders()`: lines of `name: value`, names lower-cased. */
export function parseResponseHeaders(raw: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of raw.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

/**
 * Part PUTs with `XMLHttpRequest`, for browsers that want byte-level progress: XHR reports the bytes
 * of a Blob slice or an in-memory part as they leave (`upload.onprogress`), which fetch cannot.
 * The stall limit restarts at every progress event. Storage must allow the `ETag` response header
 * in its CORS rules (`ExposeHeaders`) for the part checksums to be checked.
 */
export function createXhrTransport(
  Xhr: XhrConstructor = (globalThis as { XMLHttpRequest?: XhrConstructor }).XMLHttpRequest!,
): PartTransport {
  if (typeof Xhr !== 'function')
    throw new TypeError('createXhrTransport needs XMLHttpRequest (a browser), or one passed in');
  return {
    streams: false,
    put(request: PutRequest): Promise<PutResponse> {
      const { url, headers, signal, stallTimeoutMs } = request;
      const body = request.blob ?? request.bytes;
      if (!body)
        throw new TypeError('The XHR transport sends parts that are in memory or Blob slices');
      return new Promise<PutResponse>((resolve, reject) => {
        const xhr = new Xhr();
        let timer: ReturnType<typeof setTimeout> | undefined;
        let settled = false;
        const finish = (outcome: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          outcome();
        };
        const armStall = () => {
          clearTimeout(timer);
          if (settled) return;
          timer = setTimeout(() => {
            finish(() => reject(new PartStallError({ url: redactUrl(url), stallTimeoutMs })));
            xhr.abort();
          }, stallTimeoutMs);
        };
        const onAbort = () => {
          finish(() => reject(signal.reason));
          xhr.abort();
        };
        const failed = (what: string) => () =>
          finish(() =>
            reject(
              new APIConnectionError({
                method: 'PUT',
                url: redactUrl(url),
                cause: new Error(`the request ${what}`),
              }),
            ),
          );
        xhr.upload.addEventListener('progress', (event) => {
          armStall();
          request.onSent(event.loaded);
        });
        xhr.addEventListener('load', () =>
          finish(() => {
            request.onSent(request.size);
            resolve({
              status: xhr.status,
              headers: parseResponseHeaders(xhr.getAllResponseHeaders()),
              body: xhr.responseText.slice(0, MAX_ERROR_BODY),
            });
          }),
        );
        xhr.addEventListener('error', failed('failed (network error or CORS)'));
        xhr.addEventListener('timeout', failed('timed out'));
        xhr.addEventListener('abort', failed('was aborted'));
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        xhr.open('PUT', url);
        // Content-Length is the body's own: browsers refuse to let it be set.
        for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
        armStall();
        xhr.send(body);
      });
    },
  };
}
