import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { CreateHasher } from './hasher.js';

/**
 * Hashers for browsers, Deno, Bun and Workers. WebCrypto cannot hash incrementally, so a part's
 * bytes would have to be held twice; @noble/hashes can.
 */
export const createPortableHasher: CreateHasher = (algorithm) => {
  const hash = algorithm === 'sha256' ? sha256.create() : md5.create();
  return {
    update: (bytes) => {
      hash.update(bytes);
    },
    digestHex: () => bytesToHex(hash.digest()),
  };
};
