import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The layout of a sandbox data directory. */
export interface DataDir {
  /** The directory itself. */
  readonly root: string;
  /** `state.json`: every upload, entry and object record. */
  readonly stateFile: string;
  /** Stored objects, one file each. */
  readonly objects: string;
  /** Multipart parts, one folder per multipart upload. */
  readonly parts: string;
  /** Bodies being received; emptied on start. */
  readonly tmp: string;
  /** True when the sandbox made the directory and removes it on close. */
  readonly temporary: boolean;
}

/** Creates (or reopens) a data directory; without a path, a temporary one. */
export async function openDataDir(path: string | undefined): Promise<DataDir> {
  const temporary = path === undefined;
  const root = temporary ? await mkdtemp(join(tmpdir(), 'upkit-sandbox-')) : resolve(path);
  const dir: DataDir = {
    root,
    stateFile: join(root, 'state.json'),
    objects: join(root, 'objects'),
    parts: join(root, 'parts'),
    tmp: join(root, 'tmp'),
    temporary,
  };
  await mkdir(dir.objects, { recursive: true });
  await mkdir(dir.parts, { recursive: true });
  // Half-received bodies of a previous run are garbage: their requests never got a 200.
  await rm(dir.tmp, { recursive: true, force: true });
  await mkdir(dir.tmp, { recursive: true });
  return dir;
}

/** Removes a temporary data directory; keeps a user-given one. */
export async function closeDataDir(dir: DataDir): Promise<void> {
  if (dir.temporary) await rm(dir.root, { recursive: true, force: true, maxRetries: 3 });
}
