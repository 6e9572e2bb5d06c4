import { createPortableHasher } from './hash/portable-hasher.js';
import type { Platform } from './platform.js';
import { openPortableSource } from './source/open-source.js';
import { createFetchTransport } from './transfer/fetch-transport.js';
import type { PartTransport } from './transfer/part-transport.js';
import { createXhrTransport } from './transfer/xhr-transport.js';

let transport: PartTransport | undefined;

/**
 * Browsers, Deno, Bun and Workers: Blob slices, portable hashes; XHR where there is one (browser
 * pages: byte-level progress), fetch elsewhere (Deno, Bun, Workers, service workers).
 */
export const portablePlatform: Platform = {
  openSource: openPortableSource,
  createHasher: createPortableHasher,
  defaultTransport: () =>
    (transport ??=
      typeof (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest === 'function'
        ? createXhrTransport()
        : createFetchTransport()),
  maxBufferedPart: 64 * 2 ** 20,
};
