import { readFile } from 'node:fs/promises';
import { cadenyaPublicSpecPath } from '@upkit/test-utils';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate, writeGeneratedFiles } from './generate.js';
import { formatPointer, getAtPointer } from './load/json-pointer.js';
import { componentIdentifier } from './naming/identifiers.js';
import { assertSameVerdict, compareModules } from './testing/compare-flavours.js';
import type { StandardLike } from './testing/compare-flavours.js';
import { importGenerated, scratchDir } from './testing/fixtures.js';
import type { AnySchema } from './testing/zod-def.js';
import { elementOf, findProperty, unwrap } from './testing/zod-def.js';

// The real-world input: the full public Cadenya document (OpenAPI 3.1, 142 operations), a fixture
// of @upkit/test-utils. Its generated code is type-checked (strict, with every standard type
// compared to zod/mini's) by the `typecheck-generated` target, not here.
const outDir = scratchDir('cadenya');

type Json = Record<string, unknown>;
let spec: Json;

beforeAll(async () => {
  spec = parse(await readFile(cadenyaPublicSpecPath, 'utf8')) as Json;
  // Unformatted: prettier on these large files would take most of the suite's time.
  const { files } = await generate({ input: cadenyaPublicSpecPath, skipFormat: true });
  await writeGeneratedFiles(files, outDir);
});

describe('the full Cadenya document', () => {
  it('lists all 142 operations in the operations table', async () => {
    const { operations } = await importGenerated<{
      operations: Record<string, { operationId: string; method: string; path: string }>;
    }>(outDir, 'operations.ts');
    const expected: string[] = [];
    for (const item of Object.values(spec.paths as Json)) {
      for (const op of Object.values(item as Json)) {
        const id = (op as Json).operationId;
        if (typeof id === 'string') expected.push(id);
      }
    }
    expect(expected).toHaveLength(142);
    expect(
      Object.values(operations)
        .map((o) => o.operationId)
        .sort(),
    ).toEqual(expected.sort());
  });

  describe.each(['mini', 'classic', 'standard'] as const)(
    'every example parses with its %s schema',
    (flavour) => {
      it('checks schema, parameter and media-type examples', async () => {
        const zodFlavour = flavour === 'standard' ? 'mini' : flavour;
        const module = await importGenerated<Record<string, AnySchema>>(outDir, `${zodFlavour}.ts`);
        const standard = await importGenerated<Record<string, StandardNode>>(outDir, 'standard.ts');
        const { operations } = await importGenerated<{
          operations: Record<string, { method: string; path: string }>;
        }>(outDir, 'operations.ts');
        const opType = (path: string, method: string): string => {
          const entry = Object.entries(operations).find(
            ([, o]) => o.path === path && o.method === method.toUpperCase(),
          );
          if (!entry) throw new Error(`No operation for ${method} ${path}`);
          return entry[0].charAt(0).toUpperCase() + entry[0].slice(1);
        };
        // The zod schema at an example's location and, when the standard schemas can be walked
        // there (through objects, arrays and wrappers), its standard twin. `zod` is undefined only
        // for a readOnly property of a strict (request-only) schema: such properties are left out
        // of request schemas by design, so no schema exists for them.
        const schemaFor = (
          pointer: string[],
        ): { zod: AnySchema | undefined; standard: StandardNode | undefined } => {
          const [root, ...rest] = pointer;
          let schema: AnySchema | undefined;
          let twin: StandardNode | undefined;
          let tail: string[];
          if (root === 'components' && rest[0] === 'schemas') {
            const name = componentIdentifier(rest[1]!);
            schema = module[name];
            twin = standard[name];
            tail = rest.slice(2);
          } else if (root === 'paths') {
            const [path, method, kind, ...more] = rest as [string, string, string, ...string[]];
            const type = opType(path, method);
            if (kind === 'parameters') {
              const param = (((spec.paths as Json)[path] as Json)[method] as Json)
                .parameters as Json[];
              const p = param[Number(more[0])]!;
              const paramsName = `${type}${p.in === 'path' ? 'PathParams' : 'QueryParams'}`;
              schema = findProperty(module[paramsName]!, String(p.name));
              twin = standardProperty(standard[paramsName], String(p.name));
              tail = more.slice(1)[0] === 'schema' ? more.slice(2) : more.slice(1);
            } else if (kind === 'requestBody' && more[0] === 'content') {
              schema = module[`${type}Body`];
              twin = standard[`${type}Body`];
              tail = more.slice(2)[0] === 'schema' ? more.slice(3) : [];
            } else if (kind === 'responses' && more[1] === 'content') {
              schema = module[`${type}Response${more[0]}`];
              twin = standard[`${type}Response${more[0]}`];
              tail = more.slice(3)[0] === 'schema' ? more.slice(4) : [];
            } else {
              throw new Error(`Unsupported example location /${pointer.join('/')}`);
            }
          } else {
            throw new Error(`Unsupported example location /${pointer.join('/')}`);
          }
          for (let i = 0; i < tail.length && schema; i++) {
            const segment = tail[i]!;
            if (segment === 'properties') {
              const name = tail[++i]!;
              const found = findProperty(schema, name);
              const raw = getAtPointer(
                spec,
                formatPointer(pointer.slice(0, pointer.length - tail.length + i + 1)),
              ) as Json;
              const strict =
                unwrap(schema)._zod.def.catchall !== undefined &&
                (unwrap(schema)._zod.def.catchall as AnySchema)._zod.def.type === 'never';
              if (found === undefined && raw.readOnly === true && strict) {
                return { zod: undefined, standard: undefined };
              }
              schema = found;
              twin = standardProperty(twin, name);
            } else if (segment === 'items') {
              schema = elementOf(schema);
              twin = standardUnwrap(twin)?.item;
            } else if (['allOf', 'oneOf', 'anyOf'].includes(segment)) {
              i++;
              // A variant's example: the standard union cannot be walked into.
              if (segment !== 'allOf') twin = undefined;
            } else throw new Error(`Unsupported example location /${pointer.join('/')}`);
          }
          if (!schema) throw new Error(`No generated schema for /${pointer.join('/')}`);
          return { zod: schema, standard: twin };
        };

        const examples: { pointer: string[]; value: unknown }[] = [];
        const walk = (node: unknown, pointer: string[]) => {
          if (Array.isArray(node)) return node.forEach((n, i) => walk(n, [...pointer, String(i)]));
          if (node === null || typeof node !== 'object') return;
          for (const [key, value] of Object.entries(node as Json)) {
            const isName =
              pointer[pointer.length - 1] === 'properties' ||
              pointer[pointer.length - 1] === 'schemas';
            if (!isName && key === 'example') examples.push({ pointer, value });
            else if (!isName && key === 'examples' && pointer.includes('content')) {
              for (const ex of Object.values(value as Json))
                examples.push({ pointer, value: (ex as Json).value });
            } else walk(value, [...pointer, key]);
          }
        };
        walk(spec, []);
        expect(examples.length).toBeGreaterThan(400);

        const failures: string[] = [];
        let checked = 0;
        for (const { pointer, value } of examples) {
          const { zod, standard: twin } = schemaFor(pointer);
          if (zod === undefined) continue;
          const where = `/${pointer.join('/')}`;
          if (flavour === 'standard') {
            if (twin === undefined) continue;
            checked++;
            try {
              assertSameVerdict(where, zod, twin, value);
              if (zod.safeParse(value).success !== true) failures.push(`${where}: rejected`);
            } catch (error) {
              failures.push((error as Error).message);
            }
            continue;
          }
          checked++;
          const result = zod.safeParse(value);
          if (!result.success) failures.push(`${where}: ${JSON.stringify(value)}`);
        }
        expect(failures).toEqual([]);
        expect(checked).toBeGreaterThan(300);
      });
    },
  );

  it('has standard validators that agree with zod/mini on generated and mutated values', async () => {
    const mini = await importGenerated(outDir, 'mini.ts');
    const standard = await importGenerated(outDir, 'standard.ts');
    const { schemas } = compareModules(mini, standard, { valid: 4, mutated: 8, json: 2 });
    expect(schemas).toBeGreaterThan(800);
  });
});

/** A schema of standard.ts with the introspection its runtime keeps for discriminated unions. */
interface StandardNode extends StandardLike {
  shape?: Record<string, StandardNode>;
  rest?: StandardNode | null;
  inner?: StandardNode;
  item?: StandardNode;
}

function standardUnwrap(node: StandardNode | undefined): StandardNode | undefined {
  let current = node;
  while (current?.inner) current = current.inner;
  return current;
}

/** A property's standard schema, like findProperty (undefined where it cannot walk). */
function standardProperty(node: StandardNode | undefined, name: string): StandardNode | undefined {
  const inner = standardUnwrap(node);
  if (inner?.shape) {
    if (Object.prototype.hasOwnProperty.call(inner.shape, name)) return inner.shape[name];
    return inner.rest ?? undefined;
  }
  return inner?.item;
}
