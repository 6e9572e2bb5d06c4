// After `changeset version` bumps package.json versions, write each package's version into its
// src/version.ts, so that the User-Agent and `VERSION` exports never drift from the published version.
// (Each package has a test that fails when they differ.)
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
for (const group of ['packages', 'tools']) {
  for (const name of readdirSync(join(root, group))) {
    const dir = join(root, group, name);
    const versionFile = join(dir, 'src', 'version.ts');
    if (!existsSync(versionFile)) continue;
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const before = readFileSync(versionFile, 'utf8');
    const after = before.replace(
      /export const VERSION = '[^']*';/,
      `export const VERSION = '${version}';`,
    );
    if (after === before && !before.includes(`'${version}'`)) {
      throw new Error(`${versionFile}: no "export const VERSION = '…';" line to update`);
    }
    if (after !== before) {
      writeFileSync(versionFile, after);
      console.log(`${group}/${name}: VERSION = ${version}`);
    }
  }
}
