import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { CliUsageError } from './cli-usage-error.js';

/** One file the command will upload. */
export interface CollectedFile {
  /** As given, or under the folder given (for messages and the summary). */
  readonly display: string;
  readonly path: string;
  /** `undefined` when it cannot be read: the upload then fails with its own typed error. */
  readonly size: number | undefined;
}

/**
 * The files to upload: each file given, and every file under each folder given (recursively,
 * sorted, symbolic links not followed into folders), kept when it matches an `include` glob (if
 * any) and no `exclude` glob. Globs match the path under the folder, with `/` separators. The
 * state folder is never uploaded.
 *
 * A path that does not exist is kept: its upload fails alone, with `SourceUnreadableError`.
 * @throws CliUsageError when the folders hold no file to upload.
 */
export async function collectFiles(
  inputs: readonly string[],
  options: {
    include: readonly string[];
    exclude: readonly string[];
    cwd: string;
    stateDir: string;
  },
): Promise<CollectedFile[]> {
  const included = options.include.length
    ? picomatch([...options.include], { dot: true })
    : () => true;
  const excluded = options.exclude.length
    ? picomatch([...options.exclude], { dot: true })
    : () => false;
  const stateDir = resolve(options.cwd, options.stateDir);
  const files: CollectedFile[] = [];
  const seen = new Set<string>();
  const add = (display: string, path: string, size: number | undefined) => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push({ display, path, size });
  };
  for (const input of inputs) {
    const path = resolve(options.cwd, input);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory()) {
      add(input, path, info?.isFile() ? info.size : undefined);
      continue;
    }
    const found: CollectedFile[] = [];
    const walk = async (dir: string): Promise<void> => {
      if (dir === stateDir) return;
      const entries = await readdir(dir, { withFileTypes: true });
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (entry.isFile()) {
          const under = relative(path, full).split(sep).join('/');
          if (!included(under) || excluded(under)) continue;
          const display = join(input, relative(path, full));
          found.push({ display, path: full, size: (await stat(full)).size });
        }
      }
    };
    await walk(path);
    if (found.length === 0) {
      const filters =
        options.include.length || options.exclude.length ? ' that the globs keep' : '';
      throw new CliUsageError(`${input}: the folder holds no file${filters} (${basename(path)}/)`);
    }
    for (const file of found) add(file.display, file.path, file.size);
  }
  return files;
}
