import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigurationError } from '@upkit/core-http';
import type { ResumeToken } from '../resume/resume-token.js';
import type { ResumeTokenStore } from '../resume/token-store.js';

/** A store key names one file in the folder, so it may hold only these characters. */
const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** A {@link ResumeTokenStore} on disk, with the folder it writes to. */
export interface FileTokenStore extends ResumeTokenStore {
  readonly dir: string;
  /** The file a key's token lives in. */
  pathOf(key: string): string;
}

/**
 * Keeps each upload's resume token as `<dir>/<key>.json` (the CLI's `--state-dir`, by default
 * `.upkit-upload/`). Writes are atomic: the token goes to a temporary file in the same folder,
 * which is then renamed over the old one, so a crash leaves the old token or the new one, never
 * half of one. Tokens hold no secret (no credential, no URL). The folder is made on first write.
 */
export function createFileTokenStore(dir: string): FileTokenStore {
  const root = resolve(dir);
  const pathOf = (key: string): string => {
    if (!SAFE_KEY.test(key)) {
      throw new ConfigurationError(
        `a token store key must be file-name safe, got ${JSON.stringify(key)}`,
        {
          option: 'key',
        },
      );
    }
    return join(root, `${key}.json`);
  };
  return {
    dir: root,
    pathOf,
    async get(key) {
      try {
        return await readFile(pathOf(key), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async set(key, token: ResumeToken) {
      const file = pathOf(key);
      await mkdir(root, { recursive: true });
      const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, `${JSON.stringify(token, null, 2)}\n`, { mode: 0o600 });
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
