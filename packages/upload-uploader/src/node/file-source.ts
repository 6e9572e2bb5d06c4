import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceIsDirectoryError } from '../errors/source-is-directory-error.js';
import { SourceSizeMismatchError } from '../errors/source-size-mismatch-error.js';
import { SourceUnreadableError } from '../errors/source-unreadable-error.js';
import type { UploadSource } from '../source/upload-source.js';

/**
 * A file on disk, read with positional `FileHandle.read`s into the engine's buffers: never loaded
 * whole, never read twice. Opening checks that it exists, is readable and is not a directory.
 *
 * @throws SourceUnreadableError, SourceIsDirectoryError
 */
export async function fileSource(path: string | URL): Promise<UploadSource> {
  const shown = typeof path === 'string' ? path : fileURLToPath(path);
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as { code?: string }).code === 'EISDIR') throw new SourceIsDirectoryError(shown);
    throw new SourceUnreadableError(shown, error);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new SourceIsDirectoryError(shown);
    const { size } = stats;
    let closed = false;
    const source: UploadSource = {
      kind: 'file',
      size,
      name: basename(shown),
      type: undefined,
      lastModified: Math.trunc(stats.mtimeMs),
      seekable: true,
      async read(offset, into) {
        let filled = 0;
        while (filled < into.byteLength) {
          let bytesRead: number;
          try {
            ({ bytesRead } = await handle.read(
              into,
              filled,
              into.byteLength - filled,
              offset + filled,
            ));
          } catch (error) {
            throw new SourceUnreadableError(shown, error);
          }
          // The file shrank since it was opened.
          if (bytesRead === 0)
            throw new SourceSizeMismatchError({ expectedSize: size, actualSize: offset + filled });
          filled += bytesRead;
        }
      },
      async head(length) {
        const head = new Uint8Array(Math.min(length, size));
        await source.read(0, head);
        return head;
      },
      async close() {
        if (closed) return;
        closed = true;
        await handle.close();
      },
    };
    return source;
  } catch (error) {
    await handle.close();
    throw error instanceof SourceIsDirectoryError ? error : new SourceUnreadableError(shown, error);
  }
}
