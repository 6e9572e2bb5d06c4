import { createPortableHasher } from './hash/portable-hasher.js';
import type { Platform } from './platform.js';
import { openPortableSource } from './source/open-source.js';
import { createFetchTransport } from './transfer/fetch-transport.js';
import type { PartTransport } from './transfer/part-transport.js';

let transport: PartTransport | undefined;

/** Browsers, Deno, Bun and Workers: fetch with Blob slices, portable hashes. */
export const portablePlatform: Platform = {
  openSource: openPortableSource,
  createHasher: createPortableHasher,
  defaultTransport: () => (transport ??= createFetchTransport()),
  maxBufferedPart: 64 * 2 ** 20,
};
