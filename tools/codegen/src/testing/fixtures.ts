import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate, writeGeneratedFiles } from '../generate.js';

/** The fixture documents of the golden matrix: name → path relative to src/__fixtures__. */
export const FIXTURES = {
  'uploads-3.1': 'uploads-3.1.yaml',
  'petstore-3.0': 'petstore-3.0.json',
  multi: 'multi/main.yaml',
} as const;

export type FixtureName = keyof typeof FIXTURES;

/** Absolute path of a fixture document. */
export function fixturePath(name: FixtureName): string {
  return fileURLToPath(new URL(`../__fixtures__/${FIXTURES[name]}`, import.meta.url));
}

/** `tools/codegen/.generated-test/<dir>`: gitignored, inside the package so `zod` resolves. */
export function scratchDir(dir: string): string {
  return fileURLToPath(new URL(`../../.generated-test/${dir}`, import.meta.url));
}

/** Generates a fixture into a fresh scratch directory and returns that directory. */
export async function generateFixtureInto(name: FixtureName, dir: string): Promise<string> {
  const outDir = scratchDir(dir);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const { files } = await generate({ input: fixturePath(name) });
  await writeGeneratedFiles(files, outDir);
  return outDir;
}

/** Imports a generated module (vitest transpiles the TypeScript). */
export async function importGenerated<T = Record<string, unknown>>(
  outDir: string,
  file: string,
): Promise<T> {
  return (await import(pathToFileURL(`${outDir}/${file}`).href)) as T;
}
