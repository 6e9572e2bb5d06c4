import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files of the project at `root`, relative to it (`/`-separated, sorted): what git tracks plus
 * the new files it does not ignore (`git ls-files --cached --others --exclude-standard`), or, where
 * git or the repository is missing (an unpacked tarball), {@link walkProjectFiles}.
 */
export function projectFiles(root: string): string[] {
  return gitProjectFiles(root) ?? walkProjectFiles(root);
}

/** What git lists (tracked files still on disk, and new files it does not ignore), or undefined. */
export function gitProjectFiles(root: string): string[] | undefined {
  let out: string;
  try {
    out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
  const files = new Set(out.split('\0').filter((f) => f !== '' && existsSync(join(root, f))));
  return [...files].sort();
}

/**
 * Every file under `root`, skipping `.git` and what the root `.gitignore` ignores (its patterns:
 * `*`, `**`, `?`, a leading or inner `/` anchoring, a trailing `/` for folders; no `!`).
 */
export function walkProjectFiles(root: string): string[] {
  const ignored = gitignoreMatcher(root);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== '.git' && !ignored(path, true)) walk(path);
      } else if (entry.isFile() && !ignored(path, false)) {
        out.push(path);
      }
    }
  };
  walk('');
  return out.sort();
}

function gitignoreMatcher(root: string): (path: string, isDir: boolean) => boolean {
  const file = join(root, '.gitignore');
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split(/\r?\n/) : [];
  const rules = lines
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'))
    .map((line) => {
      const dirOnly = line.endsWith('/');
      const pattern = line.replace(/\/+$/, '');
      const anchored = pattern.includes('/');
      const body = pattern
        .replace(/^\//, '')
        .split(/(\*\*\/|\*\*|\*|\?)/)
        .map((part) =>
          part === '**/'
            ? '(?:.*/)?'
            : part === '**'
              ? '.*'
              : part === '*'
                ? '[^/]*'
                : part === '?'
                  ? '[^/]'
                  : part.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
        )
        .join('');
      return { dirOnly, regex: new RegExp(anchored ? `^${body}$` : `(?:^|/)${body}$`) };
    });
  return (path, isDir) => rules.some((r) => (isDir || !r.dirOnly) && r.regex.test(path));
}
