import { SourceSizeMismatchError } from '../errors/source-size-mismatch-error.js';
import type { UploadSource } from './upload-source.js';

/** A `Blob` or `File`: each read is a `slice()`, so the whole is never in memory. */
export function blobSource(blob: Blob, name?: string): UploadSource {
  const file = blob as Partial<File>;
  return {
    kind: 'blob',
    size: blob.size,
    name: name ?? (typeof file.name === 'string' && file.name ? file.name : undefined),
    type: blob.type || undefined,
    lastModified: typeof file.lastModified === 'number' ? file.lastModified : undefined,
    seekable: true,
    read: async (offset, into) => {
      const end = offset + into.byteLength;
      const bytes = new Uint8Array(await blob.slice(offset, end).arrayBuffer());
      if (bytes.byteLength !== into.byteLength) {
        throw new SourceSizeMismatchError({
          expectedSize: blob.size,
          actualSize: offset + bytes.byteLength,
        });
      }
      into.set(bytes);
    },
    slice: (start, end) => blob.slice(start, end),
    head: async (length) => new Uint8Array(await blob.slice(0, length).arrayBuffer()),
    close: async () => {},
  };
}
