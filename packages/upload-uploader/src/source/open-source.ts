import { ConfigurationError } from '@upkit/core-http';
import { UnknownSizeError } from '../errors/unknown-size-error.js';
import { blobSource } from './blob-source.js';
import { bytesSource } from './bytes-source.js';
import { isByteStream, streamSource, type ByteStream, type SizedStream } from './stream-source.js';
import type { UploadSource } from './upload-source.js';

/**
 * What `upload()` takes: a file path (Node), a `Blob` or `File`, bytes, or a stream with its size
 * (`{ stream, size }`, or a bare stream and the `size` option).
 */
export type UploadInput = string | URL | Blob | Uint8Array | ArrayBuffer | ByteStream | SizedStream;

const isSizedStream = (value: unknown): value is SizedStream =>
  typeof value === 'object' &&
  value !== null &&
  'stream' in value &&
  isByteStream((value as SizedStream).stream);

/** Opens the sources every runtime has; paths are the Node entry's. */
export function openPortableSource(
  input: UploadInput,
  size: number | undefined,
  name?: string,
): UploadSource {
  if (typeof Blob !== 'undefined' && input instanceof Blob) return blobSource(input, name);
  if (input instanceof Uint8Array) return bytesSource(input, name);
  if (input instanceof ArrayBuffer) return bytesSource(new Uint8Array(input), name);
  if (isSizedStream(input))
    return sized(input.stream, input.size, { ...input, name: name ?? input.name });
  if (isByteStream(input)) return sized(input, size, { name });
  if (typeof input === 'string' || input instanceof URL) {
    throw new ConfigurationError(
      'A file path needs Node (the node entry of @upkit/upload-uploader): pass a Blob, bytes or a stream here',
      { option: 'source' },
    );
  }
  throw new ConfigurationError(
    'The source must be a file path, a Blob or File, a Uint8Array, or a stream with its size',
    { option: 'source' },
  );
}

function sized(
  stream: ByteStream,
  size: number | undefined,
  rest: Omit<SizedStream, 'stream' | 'size'>,
): UploadSource {
  if (size === undefined) throw new UnknownSizeError();
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new ConfigurationError(`size must be a whole number of bytes, got ${String(size)}`, {
      option: 'size',
    });
  }
  return streamSource({ ...rest, stream, size });
}
