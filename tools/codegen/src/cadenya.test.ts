import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate, writeGeneratedFiles } from './generate.js';
import { formatPointer, getAtPointer } from './load/json-pointer.js';
import { componentIdentifier } from './naming/identifiers.js';
import { importGenerated, scratchDir } from './testing/fixtures.js';
import type { AnySchema } from './testing/zod-def.js';
import { elementOf, findProperty, unwrap } from './testing/zod-def.js';

// The real-world input: the full public Cadenya document (OpenAPI 3.1, 142 operations), at
// shared/reference/ beside the repository.
const SPEC = fileURLToPath(
  new URL('../../../../shared/reference/cadenya-api-spec.yml', import.meta.url),
);
const outDir = scratchDir('cadenya');

type Json = Record<string, unknown>;
let spec: Json;
let files: Map<string, string>;

beforeAll(async () => {
  expect(existsSync(SPEC), `${SPEC} is missing`).toBe(true);
  spec = parse(await readFile(SPEC, 'utf8')) as Json;
  ({ files } = await generate({ input: SPEC }));
  await writeGeneratedFiles(files, outDir);
}, 60_000);

describe('the full Cadenya document', () => {
  it('type-checks under strict, noUncheckedIndexedAccess and nodenext', () => {
    const program = ts.createProgram({
      rootNames: [...files.keys()].map((name) => join(outDir, name)),
      options: {
        strict: true,
        noUncheckedIndexedAccess: true,
        noImplicitOverride: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        verbatimModuleSyntax: true,
        isolatedModules: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        lib: ['lib.es2022.d.ts'],
        types: [],
        noEmit: true,
        skipLibCheck: true,
      },
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) =>
      ts.formatDiagnostic(d, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => outDir,
        getNewLine: () => '\n',
      }),
    );
    expect(diagnostics.slice(0, 10)).toEqual([]);
  }, 60_000);

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

  describe.each(['mini', 'classic'] as const)(
    'every example parses with its %s schema',
    (flavour) => {
      it('checks schema, parameter and media-type examples', async () => {
        const module = await importGenerated<Record<string, AnySchema>>(outDir, `${flavour}.ts`);
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
        // Undefined only for a readOnly property of a strict (request-only) schema: such
        // properties are left out of request schemas by design, so no schema exists for them.
        const schemaFor = (pointer: string[]): AnySchema | undefined => {
          const [root, ...rest] = pointer;
          let schema: AnySchema | undefined;
          let tail: string[];
          if (root === 'components' && rest[0] === 'schemas') {
            schema = module[componentIdentifier(rest[1]!)];
            tail = rest.slice(2);
          } else if (root === 'paths') {
            const [path, method, kind, ...more] = rest as [string, string, string, ...string[]];
            const type = opType(path, method);
            if (kind === 'parameters') {
              const param = (((spec.paths as Json)[path] as Json)[method] as Json)
                .parameters as Json[];
              const p = param[Number(more[0])]!;
              const params = module[`${type}${p.in === 'path' ? 'PathParams' : 'QueryParams'}`]!;
              schema = findProperty(params, String(p.name));
              tail = more.slice(1)[0] === 'schema' ? more.slice(2) : more.slice(1);
            } else if (kind === 'requestBody' && more[0] === 'content') {
              schema = module[`${type}Body`];
              tail = more.slice(2)[0] === 'schema' ? more.slice(3) : [];
            } else if (kind === 'responses' && more[1] === 'content') {
              schema = module[`${type}Response${more[0]}`];
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
              if (found === undefined && raw.readOnly === true && strict) return undefined;
              schema = found;
            } else if (segment === 'items') schema = elementOf(schema);
            else if (['allOf', 'oneOf', 'anyOf'].includes(segment)) i++;
            else throw new Error(`Unsupported example location /${pointer.join('/')}`);
          }
          if (!schema) throw new Error(`No generated schema for /${pointer.join('/')}`);
          return schema;
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
          const schema = schemaFor(pointer);
          if (schema === undefined) continue;
          checked++;
          const result = schema.safeParse(value);
          if (!result.success) failures.push(`/${pointer.join('/')}: ${JSON.stringify(value)}`);
        }
        expect(failures).toEqual([]);
        expect(checked).toBeGreaterThan(300);
      }, 30_000);
    },
  );
});
