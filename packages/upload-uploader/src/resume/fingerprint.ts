import { hashHex, type CreateHasher } from '../hash/hasher.js';
import type { UploadSource } from '../source/upload-source.js';

/** How much of each end of the file the fingerprint hashes. */
export const FINGERPRINT_BYTES = 2 ** 20;

/** What identifies a file across processes, cheaply: never the whole content. */
export interface SourceFingerprint {
  readonly size: number;
  readonly name?: string | undefined;
  /** ms since the epoch, where the source knows it. */
  readonly lastModified?: number | undefined;
  /** sha256 (hex) of the first MiB (the whole file, when smaller). */
  readonly head: string;
  /** sha256 (hex) of the last MiB; absent for a stream, whose end is not known in advance. */
  readonly tail?: string | undefined;
}

/** Fingerprints a source: at most 2 MiB read, at each end. */
export async function fingerprintSource(
  source: UploadSource,
  createHasher: CreateHasher,
): Promise<SourceFingerprint> {
  const { size } = source;
  const head = hashHex(createHasher, 'sha256', await source.head(FINGERPRINT_BYTES));
  let tail: string | undefined;
  if (source.seekable) {
    const bytes = new Uint8Array(Math.min(FINGERPRINT_BYTES, size));
    await source.read(size - bytes.byteLength, bytes);
    tail = hashHex(createHasher, 'sha256', bytes);
  }
  return {
    size,
    ...(source.name === undefined ? {} : { name: source.name }),
    ...(source.lastModified === undefined ? {} : { lastModified: source.lastModified }),
    head,
    ...(tail === undefined ? {} : { tail }),
  };
}

/**
 * The first field in which two fingerprints of the same file would not differ but these do, with
 * a readable detail; `undefined` when they match. A field one side lacks (a stream's tail, a
 * Blob's name) is not compared.
 */
export function fingerprintDifference(
  saved: SourceFingerprint,
  now: SourceFingerprint,
): { field: string; detail: string } | undefined {
  if (saved.size !== now.size)
    return { field: 'size', detail: `${saved.size} bytes then, ${now.size} now` };
  if (saved.name !== undefined && now.name !== undefined && saved.name !== now.name) {
    return {
      field: 'name',
      detail: `${JSON.stringify(saved.name)} then, ${JSON.stringify(now.name)} now`,
    };
  }
  if (
    saved.lastModified !== undefined &&
    now.lastModified !== undefined &&
    saved.lastModified !== now.lastModified
  ) {
    return {
      field: 'mtime',
      detail: `modified ${new Date(saved.lastModified).toISOString()} then, ${new Date(now.lastModified).toISOString()} now`,
    };
  }
  if (saved.head !== now.head) return { field: 'head', detail: 'the first MiB differs' };
  if (saved.tail !== undefined && now.tail !== undefined && saved.tail !== now.tail) {
    return { field: 'tail', detail: 'the last MiB differs' };
  }
  return undefined;
}
