import type { Platform } from '../platform.js';
import { openPortableSource } from '../source/open-source.js';
import type { PartTransport } from '../transfer/part-transport.js';
import { fileSource } from './file-source.js';
import { createNodeHasher } from './node-hasher.js';
import { createNodeTransport } from './node-transport.js';

let transport: PartTransport | undefined;

/** Node: file paths read with positional reads, bodies through node:http, native hashes. */
export const nodePlatform: Platform = {
  openSource: (input, size, name) =>
    typeof input === 'string' || input instanceof URL
      ? fileSource(input)
      : openPortableSource(input, size, name),
  createHasher: createNodeHasher,
  defaultTransport: () => (transport ??= createNodeTransport()),
  maxBufferedPart: 64 * 2 ** 20,
};
