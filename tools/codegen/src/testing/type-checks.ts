import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const exported = (source: string, kind: 'const' | 'type') =>
  new Set([...source.matchAll(new RegExp(`^export ${kind} (\\w+)`, 'gm'))].map((m) => m[1]!));

/**
 * Writes `flavour-types.check.ts` into a generated directory: compile-time assertions (checked by
 * tsc, never run) that every standard schema infers the same output type as its zod/mini twin, and
 * that every type both modules export is the same. Returns the file's path.
 */
export async function writeTypeChecks(dir: string): Promise<string> {
  const mini = await readFile(join(dir, 'mini.ts'), 'utf8');
  const standard = await readFile(join(dir, 'standard.ts'), 'utf8');
  const standardConsts = exported(standard, 'const');
  const standardTypes = exported(standard, 'type');
  const lines: string[] = [];
  for (const name of exported(mini, 'const')) {
    if (!standardConsts.has(name)) throw new Error(`standard.ts lacks ${name}`);
    lines.push(
      `expectTypeOf<StandardSchemaV1.InferOutput<typeof S.${name}>>().branded.toEqualTypeOf<z.output<typeof M.${name}>>();`,
    );
  }
  for (const name of exported(mini, 'type')) {
    if (!standardTypes.has(name)) throw new Error(`standard.ts lacks type ${name}`);
    lines.push(`expectTypeOf<S.${name}>().branded.toEqualTypeOf<M.${name}>();`);
  }
  const file = join(dir, 'flavour-types.check.ts');
  await writeFile(
    file,
    `import { expectTypeOf } from 'vitest';
import type * as z from 'zod/mini';
import type * as M from './mini.js';
import type * as S from './standard.js';
import type { StandardSchemaV1 } from './standard-runtime.js';

export function sameTypes(): void {
  ${lines.join('\n  ')}
}
`,
  );
  return file;
}
