import { posix } from 'node:path';

/** A place where a file of the project reaches outside the repository. */
export interface OutsideReference {
  /** The file, relative to the repository root (`/`-separated). */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** What was found there. */
  readonly found: string;
  readonly reason: string;
}

/** The developers' reading folder `shared/` beside the repository: a clone has none. */
const SHARED_FOLDER = /(?:\.\.\/)+shared\b|\bshared\/(?:seeds|reference)\b/g;

/** A quoted relative path (`'./…'`, `"../…"`, `'..'`), of a template literal up to `${`. */
const RELATIVE_LITERAL = /(['"`])(\.\.?(?:\/[^'"`\n$]*)?)(?=\1|\$\{)/g;

/** `new URL('…', import.meta.url)`, whatever the path looks like. */
const URL_FROM_MODULE =
  /new URL\(\s*(['"`])([^'"`\n$]*)(?:\1|\$\{)[^)]*?,\s*import\.meta\.url\s*\)/g;

/**
 * `resolve(__dirname, '..', 'x')`, `join(import.meta.dirname, …)`,
 * `join(dirname(fileURLToPath(import.meta.url)), …)`: the string arguments after the folder.
 */
const CALL_FROM_MODULE_FOLDER =
  /\b(?:resolve|join)\(\s*(?:__dirname|import\.meta\.dirname|dirname\(\s*fileURLToPath\(\s*import\.meta\.url\s*\)\s*\))((?:\s*,\s*(['"])[^'"\n]*\2)+)/g;

const STRING_ARGUMENT = /(['"])([^'"\n]*)\1/g;

const CLIMBS = 'resolves above the repository root';

/**
 * The references to anything outside the repository at `root` in one file, given by its path
 * relative to `root` and its text:
 * - the `shared/` reading folder beside the repository, reached through `..` or by its `seeds/`
 *   and `reference/` subfolders;
 * - relative path literals that, resolved from the file's folder, climb above the repository
 *   root: quoted `./` and `../` paths (imports, `readFileSync('../…')`, `extends`, `$ref`),
 *   any path given to `new URL(…, import.meta.url)`, and the string arguments of `resolve`/`join`
 *   from the module's folder (`__dirname`, `import.meta.dirname`, `dirname(fileURLToPath(…))`);
 * - absolute paths into the folder that holds the repository (`/home/me/…` for a clone at
 *   `/home/me/upkit`): they exist on one machine only.
 *
 * Markdown is prose that nothing reads at build or test time (a changelog or a provenance note may
 * name the folder a file came from), so it is not checked.
 */
export function outsideReferences(file: string, text: string, root: string): OutsideReference[] {
  if (/\.md$/i.test(file)) return [];
  const found = new Map<string, OutsideReference>();
  const add = (index: number, what: string, reason: string) => {
    const line = text.slice(0, index).split('\n').length;
    found.set(`${line}\0${what}\0${reason}`, { file, line, found: what, reason });
  };
  const folder = posix.dirname(file);
  const escapes = (...segments: string[]) => posix.join(folder, ...segments).startsWith('..');

  for (const m of text.matchAll(SHARED_FOLDER)) {
    add(
      m.index,
      m[0],
      'refers to the shared/ folder beside the repository, which a clone does not have',
    );
  }
  for (const m of text.matchAll(RELATIVE_LITERAL)) {
    if (escapes(m[2]!)) add(m.index, m[2]!, CLIMBS);
  }
  for (const m of text.matchAll(URL_FROM_MODULE)) {
    if (escapes(m[2]!)) add(m.index, m[2]!, CLIMBS);
  }
  for (const m of text.matchAll(CALL_FROM_MODULE_FOLDER)) {
    const segments = [...m[1]!.matchAll(STRING_ARGUMENT)].map((a) => a[2]!);
    if (escapes(...segments)) add(m.index, m[0], CLIMBS);
  }
  const holder = posix.dirname(root.replaceAll('\\', '/').replace(/\/+$/, ''));
  // A repository right under the file system's root has no folder of its own to leave.
  if (!/^(?:[A-Za-z]:)?\/?$/.test(holder)) {
    const absolute = new RegExp(
      `${holder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[^\\s'"\`)]*`,
      'g',
    );
    for (const m of text.matchAll(absolute))
      add(m.index, m[0], 'is an absolute path on this machine');
  }
  return [...found.values()].sort((a, b) => a.line - b.line);
}
