import { defineConfig, type UserConfig } from 'tsdown';

/**
 * The build every publishable package shares: ESM and CommonJS from one `src/`, each with its own
 * declaration files (`.d.ts` / `.d.cts`), so that every module-resolution mode finds matching types.
 */
export function libraryBuildConfig(options: {
  platform: 'neutral' | 'node';
  entry?: Record<string, string>;
}): UserConfig {
  return defineConfig({
    entry: options.entry ?? { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    platform: options.platform,
    target: 'node20.19',
    dts: true,
    sourcemap: true,
    clean: true,
    tsconfig: 'tsconfig.lib.json',
    fixedExtension: false,
    outDir: 'dist',
  });
}
