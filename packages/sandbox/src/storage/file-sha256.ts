import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Read size of the hashing: large reads keep the per-chunk cost small. */
const READ_SIZE = 1024 * 1024;

/** The hex SHA-256 of the files' bytes one after the other, read in chunks (never held whole). */
export async function sha256OfFiles(paths: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const path of paths) {
    for await (const chunk of createReadStream(path, { highWaterMark: READ_SIZE })) {
      hash.update(chunk as Buffer);
    }
  }
  return hash.digest('hex');
}
