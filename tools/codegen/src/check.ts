import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** How a directory differs from freshly generated files. */
export interface CheckResult {
  /** Files whose content differs. */
  changed: string[];
  /** Files the generator produces that the directory lacks. */
  missing: string[];
  /** `.ts` files in the directory that the generator would not produce. */
  extra: string[];
}

/**
 * Compares generated files with what is in `outDir` (what `--check` and the `check-generated`
 * target report). Only `.ts` files count as extra, so a README beside the output is allowed.
 */
export async function compareWithDirectory(
  files: ReadonlyMap<string, string>,
  outDir: string,
): Promise<CheckResult> {
  const result: CheckResult = { changed: [], missing: [], extra: [] };
  let present: string[] = [];
  try {
    present = await readdir(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (const [name, content] of files) {
    if (!present.includes(name)) {
      result.missing.push(name);
      continue;
    }
    const current = await readFile(join(outDir, name), 'utf8');
    if (current !== content) result.changed.push(name);
  }
  result.extra = present.filter((name) => name.endsWith('.ts') && !files.has(name)).sort();
  return result;
}

/** True when nothing differs. */
export function isClean(result: CheckResult): boolean {
  return result.changed.length + result.missing.length + result.extra.length === 0;
}
