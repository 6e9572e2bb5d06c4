/**
 * Bytes to upload, whatever they came from. Reads fill a caller's buffer: the transfer engine owns
 * every buffer, so memory stays at concurrency × part size however large the file is.
 */
export interface UploadSource {
  readonly kind: 'file' | 'blob' | 'bytes' | 'stream';
  /** The exact byte count (declared, for a stream). */
  readonly size: number;
  /** The file name, when the source has one (a path's base name, a `File`'s name). */
  readonly name: string | undefined;
  /** The source's own media type (a `Blob`'s `type`), when it has one. */
  readonly type: string | undefined;
  /** Last modification time in ms since the epoch, when known. */
  readonly lastModified: number | undefined;
  /**
   * Whether any range can be read, again and in any order (files, Blobs, bytes). A stream is read
   * once, in order: a part of it that failed cannot be sent again unless it is still buffered.
   */
  readonly seekable: boolean;
  /**
   * Fills `into` (its whole length) with the bytes at `offset`.
   * @throws SourceSizeMismatchError when the source ends early (or, for a stream, runs past its size).
   */
  read(offset: number, into: Uint8Array): Promise<void>;
  /**
   * The first `length` bytes (fewer for a smaller source), without consuming them: a stream keeps
   * them for its first read.
   */
  head(length: number): Promise<Uint8Array>;
  /**
   * Bytes `[start, end)` as a `Blob` slice or a view, without reading them, for sources that hold
   * them already (Blobs, bytes): what fetch and XHR can send whole.
   */
  slice?(start: number, end: number): Blob | Uint8Array;
  /** Releases what the source holds open (a file handle, a stream reader). Idempotent. */
  close(): Promise<void>;
}
