import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { publishable } from './publishable.js';
import { run } from './run.js';

/** One publishable package of the release. */
export interface ReleasedPackage {
  readonly name: string;
  readonly version: string;
  readonly dir: string;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
}

/**
 * Makes a release of the repository in `dir`, without touching the repository: a copy of its files
 * (those git tracks, and new ones it does not ignore), a generated changeset, a real
 * `changeset version` (the fixed group and the CHANGELOGs at work), the versions written into each
 * `src/version.ts`, and every publishable package built there.
 */
export async function releaseCopy(
  repo: string,
  dir: string,
): Promise<{ root: string; packages: ReleasedPackage[] }> {
  const root = join(dir, 'repo');
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: repo,
      encoding: 'utf8',
    },
  )
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await copyFile(join(repo, file), join(root, file)).catch((error: NodeJS.ErrnoException) => {
      // A file deleted in the working tree but still tracked.
      if (error.code !== 'ENOENT') throw error;
    });
  }
  await symlink(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  await writeFile(
    join(root, '.changeset', 'distribution-suite.md'),
    "---\n'@upkit/schemas': patch\n---\n\nA release made by the distribution suite.\n",
  );
  const bin = (name: string) => join(repo, 'node_modules', '.bin', name);
  // The release's own first step: changeset version, the VERSION constants, the lockfile.
  await run('npm', ['run', 'version-packages'], { cwd: root });
  // `changeset publish` tags what it publishes: the copy is a repository of its own.
  const git = (...args: string[]) =>
    run(
      'git',
      ['-c', 'user.email=release@upkit.invalid', '-c', 'user.name=upkit release', ...args],
      {
        cwd: root,
      },
    );
  await git('init', '-q');
  await git('add', '-A');
  await git('commit', '-qm', 'release');

  const packages: ReleasedPackage[] = (await publishable(root)).map(({ dir, manifest }) => ({
    name: manifest.name,
    version: manifest.version,
    dir,
    dependencies: manifest.dependencies ?? {},
    devDependencies: manifest.devDependencies ?? {},
  }));
  // tsdown takes each dependency as external, so the builds are independent: two at a time.
  const queue = [...packages];
  await Promise.all(
    [0, 1].map(async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        await run(bin('tsdown'), [], { cwd: next.dir });
      }
    }),
  );
  return { root, packages };
}

/** Publishes every package to the registry with `changeset publish`, the release's last step. */
export async function publishAll(root: string, npmrc: string, dir: string): Promise<string> {
  const userconfig = join(dir, 'publish.npmrc');
  await writeFile(userconfig, npmrc);
  const { output } = await run(join(root, 'node_modules', '.bin', 'changeset'), ['publish'], {
    cwd: root,
    env: { npm_config_userconfig: userconfig },
  });
  return output;
}
