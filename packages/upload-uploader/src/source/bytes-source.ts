import type { UploadSource } from './upload-source.js';

/** A `Uint8Array` (a Node `Buffer` too): read by copying from it, never copied whole. */
export function bytesSource(bytes: Uint8Array, name?: string): UploadSource {
  return {
    kind: 'bytes',
    size: bytes.byteLength,
    name,
    type: undefined,
    lastModified: undefined,
    seekable: true,
    read: async (offset, into) => {
      into.set(bytes.subarray(offset, offset + into.byteLength));
    },
    slice: (start, end) => bytes.subarray(start, end),
    head: async (length) => bytes.slice(0, length),
    close: async () => {},
  };
}
