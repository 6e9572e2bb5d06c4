import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate, writeGeneratedFiles } from '../generate.js';

/** The fixture documents of the golden matrix: name → path relative to src/__fixtures__. */
export const FIXTURES = {
  'uploads-3.1': 'uploads-3.1.yaml',
  'petstore-3.0': 'petstore-3.0.json',
  multi: 'multi/main.yaml',
  'edge-3.1': 'edge-3.1.yaml',
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

/**
 * How the client golden (`__golden__/client/resources.ts`) is generated: from the uploads fixture,
 * over the schemas golden beside it and a core-http type stub (no workspace package imports).
 */
export const CLIENT_GOLDEN = {
  input: fixturePath('uploads-3.1'),
  schemasModule: '../uploads-3.1',
  coreModule: '../../__fixtures__/client/core-http-types.js',
  pathDefaults: ['workspaceId'],
  queryDefaults: ['limit'],
} as const;
