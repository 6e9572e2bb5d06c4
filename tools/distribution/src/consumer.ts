import { mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './run.js';

/** A fresh project outside the repository that installs packages as a user does. */
export interface Consumer {
  readonly dir: string;
  install(...specs: string[]): Promise<void>;
  /** Runs `node` with `args` in the project. */
  node(
    args: readonly string[],
    options?: { allowFailure?: boolean },
  ): Promise<{ code: number; output: string }>;
  /** `npx --no-install <args>`, as a user runs an installed bin. */
  npx(args: readonly string[]): Promise<{ code: number; output: string }>;
  /** The installed tree: every package name in it. */
  installedNames(): Promise<Set<string>>;
  write(file: string, text: string): Promise<void>;
}

export async function createConsumer(
  parent: string,
  name: string,
  npmrc: string,
): Promise<Consumer> {
  const dir = await mkdtemp(join(parent, `${name}-`));
  await writeFile(
    join(dir, 'package.json'),
    `${JSON.stringify({ name, version: '1.0.0', private: true }, null, 2)}\n`,
  );
  await writeFile(join(dir, '.npmrc'), npmrc);
  const npm = (args: string[]) =>
    run('npm', args, { cwd: dir, env: { npm_config_userconfig: join(dir, '.npmrc') } });
  return {
    dir,
    install: async (...specs) => {
      await npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', ...specs]);
    },
    npx: (args) =>
      run('npx', ['--no-install', ...args], {
        cwd: dir,
        env: { npm_config_userconfig: join(dir, '.npmrc') },
        allowFailure: true,
      }),
    node: (args, options = {}) =>
      run(process.execPath, args, { cwd: dir, allowFailure: options.allowFailure }),
    installedNames: async () => {
      const { output } = await npm(['ls', '--all', '--json']);
      const names = new Set<string>();
      const walk = (
        deps: Record<string, { dependencies?: Record<string, unknown> }> | undefined,
      ) => {
        for (const [dep, info] of Object.entries(deps ?? {})) {
          names.add(dep);
          walk(info.dependencies as never);
        }
      };
      walk(JSON.parse(output).dependencies);
      return names;
    },
    write: (file, text) => writeFile(join(dir, file), text),
  };
}
