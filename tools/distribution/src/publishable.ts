import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A package of the repository that is published (not `private`), with its manifest. */
export interface Publishable {
  readonly dir: string;
  readonly manifest: {
    readonly name: string;
    readonly version: string;
    readonly dependencies?: Record<string, string>;
    readonly devDependencies?: Record<string, string>;
  };
}

/** Every publishable package under `packages/` and `tools/` of `root`, in name order. */
export async function publishable(root: string): Promise<Publishable[]> {
  const found: Publishable[] = [];
  for (const group of ['packages', 'tools']) {
    for (const name of (await readdir(join(root, group))).sort()) {
      const dir = join(root, group, name);
      const manifest = JSON.parse(
        await readFile(join(dir, 'package.json'), 'utf8').catch(() => '{}'),
      );
      if (manifest.name && !manifest.private) found.push({ dir, manifest });
    }
  }
  return found;
}
