import fc from 'fast-check';
import { mutated, validish } from './schema-arbitrary.js';
import type { AnySchema } from './zod-def.js';

/** A schema of standard.ts, seen through Standard Schema v1. */
export interface StandardLike {
  '~standard': {
    vendor: string;
    validate(
      value: unknown,
    ):
      | { value?: unknown; issues?: readonly { message: string; path?: readonly unknown[] }[] }
      | Promise<unknown>;
  };
}

/**
 * Runs `value` through a zod/mini schema and its standard twin and throws unless both accept it
 * with equal outputs (own keys, undefined values and prototypes included) or both reject it. A
 * zod parse that throws (an intersection whose parts conflict) counts as a rejection.
 */
export function assertSameVerdict(
  name: string,
  mini: AnySchema,
  standard: StandardLike,
  value: unknown,
): void {
  let expected: { success: boolean; data?: unknown };
  try {
    expected = mini.safeParse(value);
  } catch {
    expected = { success: false };
  }
  const result = standard['~standard'].validate(value);
  if (result instanceof Promise) throw new Error(`${name}: standard validation is asynchronous`);
  const shown = () => JSON.stringify(value)?.slice(0, 300);
  if ((result.issues === undefined) !== expected.success) {
    throw new Error(
      `${name}: zod/mini ${expected.success ? 'accepts' : 'rejects'} ${shown()}, standard ${
        result.issues ? `rejects it: ${JSON.stringify(result.issues)}` : 'accepts it'
      }`,
    );
  }
  if (result.issues) {
    if (result.issues.length === 0) throw new Error(`${name}: rejected without issues`);
    for (const issue of result.issues) {
      if (!Array.isArray(issue.path) || typeof issue.message !== 'string' || !issue.message) {
        throw new Error(`${name}: malformed issue ${JSON.stringify(issue)}`);
      }
    }
    return;
  }
  if (!isDeepStrictEqual(result.value, expected.data)) {
    throw new Error(
      `${name}: outputs differ for ${shown()}\n zod/mini: ${JSON.stringify(expected.data)}\n standard: ${JSON.stringify(result.value)}`,
    );
  }
}

/** Equality of parsed JSON-ish values: same own keys (undefined values count), same prototypes. */
function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => isDeepStrictEqual(item, other[i]));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      isDeepStrictEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** How many generated values each schema gets. */
export interface Runs {
  valid: number;
  mutated: number;
  json: number;
}

/**
 * Compares every schema that both modules export on generated values: probably-valid ones (from
 * the zod definition), each of those mutated once (a key dropped or added, a wrong type, null, an
 * unknown enum value, an own `__proto__` or inherited-name key), and arbitrary JSON. Returns how
 * many values were compared.
 */
export function compareModules(
  mini: Record<string, unknown>,
  standard: Record<string, unknown>,
  runs: Runs,
  seed = 42,
): { schemas: number; values: number } {
  let schemas = 0;
  let values = 0;
  for (const [name, zodSchema] of Object.entries(mini)) {
    const twin = standard[name];
    if (!isZod(zodSchema)) continue;
    if (twin === undefined) throw new Error(`standard.ts lacks ${name}`);
    schemas++;
    const check = (value: unknown) => {
      values++;
      assertSameVerdict(name, zodSchema, twin as StandardLike, value);
    };
    const valid = validish(zodSchema);
    fc.assert(fc.property(valid, check), { numRuns: runs.valid, seed });
    fc.assert(fc.property(mutated(valid), check), { numRuns: runs.mutated, seed });
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 3 }), check), { numRuns: runs.json, seed });
  }
  return { schemas, values };
}

function isZod(value: unknown): value is AnySchema {
  return typeof value === 'object' && value !== null && '_zod' in value;
}
