/** An incremental hash. */
export interface Hasher {
  update(bytes: Uint8Array): void;
  /** The digest as lowercase hex; the hasher is spent afterwards. */
  digestHex(): string;
}

export type HashAlgorithm = 'sha256' | 'md5';

/** Makes hashers: Node's native `node:crypto`, or a portable implementation elsewhere. */
export type CreateHasher = (algorithm: HashAlgorithm) => Hasher;

/** The hex digest of some bytes. */
export function hashHex(create: CreateHasher, algorithm: HashAlgorithm, bytes: Uint8Array): string {
  const hasher = create(algorithm);
  hasher.update(bytes);
  return hasher.digestHex();
}
