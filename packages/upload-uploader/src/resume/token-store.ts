import { hashHex, type CreateHasher } from '../hash/hasher.js';
import type { SourceFingerprint } from './fingerprint.js';
import type { ResumeToken } from './resume-token.js';

/**
 * Where `upload()` keeps resume tokens when given `tokenStore`: a file per upload
 * (`createFileTokenStore` in Node), a database row, a key in localStorage… Keys are short,
 * file-name safe strings (`scenario-3f2a…`); tokens are plain JSON with no secret.
 */
export interface ResumeTokenStore {
  /** The token saved under `key` (the object or its JSON), or `undefined`. */
  get(key: string): Promise<unknown> | unknown;
  /** Saves the latest token; earlier ones under the same key are replaced. */
  set(key: string, token: ResumeToken): Promise<void> | void;
  /** Forgets the key; a key that is not there is no error. */
  delete(key: string): Promise<void> | void;
}

/**
 * The key a file's token is kept under: the target, where it uploads (project or workspace) and
 * the file's fingerprint (size, name, modification time, first and last MiB). The same file to
 * the same place finds its token again, from another process.
 */
export function resumeKey(
  target: ResumeToken['target'],
  scope: ResumeToken['scope'],
  fingerprint: SourceFingerprint,
  createHasher: CreateHasher,
): string {
  const material = JSON.stringify([
    target,
    scope?.projectId ?? null,
    scope?.workspaceId ?? null,
    fingerprint.size,
    fingerprint.name ?? null,
    fingerprint.lastModified ?? null,
    fingerprint.head,
    fingerprint.tail ?? null,
  ]);
  const digest = hashHex(createHasher, 'sha256', new TextEncoder().encode(material));
  return `${target}-${digest.slice(0, 32)}`;
}

/** A {@link ResumeTokenStore} in memory: for tests, and for one process that retries an upload. */
export function memoryTokenStore(): ResumeTokenStore & { readonly size: number } {
  const tokens = new Map<string, string>();
  return {
    get: (key) => tokens.get(key),
    set: (key, token) => void tokens.set(key, JSON.stringify(token)),
    delete: (key) => void tokens.delete(key),
    get size() {
      return tokens.size;
    },
  };
}

/**
 * Writes tokens to a store one at a time, coalesced: while a write is under way only the newest
 * token waits, so a 10,000-part upload does not queue 10,000 writes. A store that fails never
 * changes an upload's outcome: the failure goes to `onError`.
 */
export function tokenWriter(
  store: ResumeTokenStore,
  key: string,
  onError: (error: unknown) => void,
) {
  let pending: ResumeToken | undefined;
  let running: Promise<void> | undefined;
  const run = async () => {
    // Yield first: `running` must be set before the loop can end and clear it, even when the
    // store answers synchronously.
    await undefined;
    try {
      while (pending) {
        const token = pending;
        pending = undefined;
        await store.set(key, token);
      }
    } catch (error) {
      pending = undefined;
      onError(error);
    } finally {
      running = undefined;
    }
  };
  return {
    key,
    save(token: ResumeToken): void {
      pending = token;
      running ??= run();
    },
    /** Resolves once the newest token is written. */
    async flush(): Promise<void> {
      while (running) await running;
    },
    /** Waits for writes under way, then deletes the key. */
    async remove(): Promise<void> {
      await this.flush();
      try {
        await store.delete(key);
      } catch (error) {
        onError(error);
      }
    },
  };
}
