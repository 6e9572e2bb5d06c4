import type { CreateHasher } from './hash/hasher.js';
import type { UploadInput } from './source/open-source.js';
import type { UploadSource } from './source/upload-source.js';
import type { PartTransport } from './transfer/part-transport.js';

/** What differs between Node and the other runtimes. */
export interface Platform {
  openSource(
    input: UploadInput,
    size: number | undefined,
    name: string | undefined,
  ): Promise<UploadSource> | UploadSource;
  readonly createHasher: CreateHasher;
  /** The transport used when none is given (one per process, with its connection pool). */
  defaultTransport(): PartTransport;
  /** The largest part held in memory for a single PUT; a larger one is streamed from the source. */
  readonly maxBufferedPart: number;
}
