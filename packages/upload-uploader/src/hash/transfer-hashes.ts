import type { CreateHasher, Hasher } from './hasher.js';

/**
 * The hashes of one transfer: the file's sha256, fed the file's bytes in order, and the MD5 of
 * each part (to check the ETag storage answers with). Asynchronous in shape, so that they could
 * run elsewhere; today they run inline (a hashing thread was measured: no faster on 2 cores, see
 * the README's figures).
 */
export interface TransferHashes {
  /**
   * Adds bytes to the file's sha256 (when `sha256`: they are the file's next bytes) and to the
   * MD5 of `part` (when given). Resolves once they are hashed: until then they must not change.
   */
  update(bytes: Uint8Array, into: { sha256: boolean; part?: number | undefined }): Promise<void>;
  /** The hex MD5 of everything given for `part` (asked for again, the same answer). */
  md5(part: number): Promise<string>;
  /** The hex sha256 of everything given for it. The hashes are spent afterwards. */
  sha256(): Promise<string>;
  /** Drops what is left (a transfer that failed or was aborted). */
  dispose(): void;
}

/** Starts the hashes of one transfer. */
export type CreateTransferHashes = () => TransferHashes;

/** Hashes computed right away, on the calling thread, with `createHasher`'s hashers. */
export function inlineTransferHashes(createHasher: CreateHasher): CreateTransferHashes {
  return () => {
    const file = createHasher('sha256');
    const parts = new Map<number, Hasher>();
    const digests = new Map<number, string>();
    return {
      update: (bytes, into) => {
        if (into.sha256) file.update(bytes);
        if (into.part !== undefined) {
          let md5 = parts.get(into.part);
          if (!md5) parts.set(into.part, (md5 = createHasher('md5')));
          md5.update(bytes);
        }
        return Promise.resolve();
      },
      md5: (part) => {
        let digest = digests.get(part);
        if (digest === undefined) {
          digest = (parts.get(part) ?? createHasher('md5')).digestHex();
          parts.delete(part);
          digests.set(part, digest);
        }
        return Promise.resolve(digest);
      },
      sha256: () => Promise.resolve(file.digestHex()),
      dispose: () => {
        parts.clear();
        digests.clear();
      },
    };
  };
}
