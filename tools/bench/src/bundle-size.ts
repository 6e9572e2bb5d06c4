import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * The minified + gzipped size (bytes) of an app whose whole source is `source`: what a browser user
 * downloads. Workspace packages resolve to their `src/` (the `@upkit/source` condition), and
 * tree-shaking keeps only what `source` uses.
 */
export async function gzippedBundleSize(source: string): Promise<number> {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['@upkit/source'],
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles?.[0]?.contents;
  if (!code) throw new Error('esbuild produced no output');
  return gzipSync(code, { level: 9 }).byteLength;
}
