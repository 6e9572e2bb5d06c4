import { readFileSync } from 'node:fs';
import { SEEDS, seedExample } from '@upkit/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as cadenyaMini from './generated/cadenya/index.js';
import * as cadenyaOperations from './generated/cadenya/operations.js';
import * as cadenyaStandard from './generated/cadenya/standard-index.js';
import type { StandardSchemaV1 } from './generated/cadenya/standard-index.js';
import * as scenarioMini from './generated/scenario/index.js';
import * as scenarioOperations from './generated/scenario/operations.js';
import * as scenarioStandard from './generated/scenario/standard-index.js';

// The zod-free validators (`/standard`, what the clients' descriptors use) against zod/mini: the
// documents' examples, the seeds, and mutations of them must get the same verdict and output.

type Json = Record<string, unknown>;
interface ZodLike {
  safeParse(value: unknown): { success: boolean; data?: unknown };
}
type StandardLike = StandardSchemaV1;
type SyncResult = {
  value?: unknown;
  issues?: readonly { message: string; path?: readonly unknown[] | undefined }[] | undefined;
};

/** Standard Schema validation; these validators are synchronous. */
function run(schema: StandardLike, value: unknown): SyncResult {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) throw new Error('unexpected asynchronous validation');
  return result;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function resolve(doc: Json, value: unknown): unknown {
  let current = value;
  while (isObject(current) && typeof current.$ref === 'string') {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>(
        (node, key) => (isObject(node) ? node[key.replaceAll('~1', '/')] : undefined),
        doc,
      );
  }
  return current;
}

/** Every example of a document, with the generated schema it belongs to. */
function examplesOf(
  doc: Json,
  prefix: string,
  operations: Record<string, { operationId?: string; method?: string; path?: string }>,
): { schema: string; value: unknown }[] {
  const found: { schema: string; value: unknown }[] = [];
  const schemas = (resolve(doc, { $ref: '#/components/schemas' }) ?? {}) as Json;
  for (const [name, schema] of Object.entries(schemas)) {
    if (isObject(schema) && 'example' in schema) {
      found.push({ schema: `${prefix}${name}`, value: schema.example });
    }
  }
  const mediaExamples = (content: unknown): unknown[] => {
    const json = isObject(content) ? content['application/json'] : undefined;
    if (!isObject(json)) return [];
    const named = isObject(json.examples)
      ? Object.values(json.examples).map((e) => (resolve(doc, e) as Json).value)
      : [];
    return 'example' in json ? [json.example, ...named] : named;
  };
  for (const [exportName, op] of Object.entries(operations)) {
    if (typeof op.operationId !== 'string') continue;
    const type = `${prefix}${exportName.charAt(0).toUpperCase()}${exportName.slice(1)}`;
    const operation = ((doc.paths as Json)[op.path!] as Json)[op.method!.toLowerCase()] as Json;
    const body = resolve(doc, operation.requestBody);
    for (const value of mediaExamples(isObject(body) ? body.content : undefined)) {
      found.push({ schema: `${type}Body`, value });
    }
    for (const [status, raw] of Object.entries(operation.responses as Json)) {
      const response = resolve(doc, raw) as Json;
      const suffix = /^\d/.test(status) ? status : 'Default';
      for (const value of mediaExamples(response.content)) {
        found.push({ schema: `${type}Response${suffix}`, value });
      }
    }
  }
  return found;
}

function verdict(mini: ZodLike, standard: StandardLike, value: unknown): boolean {
  const expected = mini.safeParse(value);
  const result = run(standard, value);
  expect(result.issues === undefined, JSON.stringify(value)).toBe(expected.success);
  if (expected.success) expect(result.value).toStrictEqual(expected.data);
  else expect(result.issues?.length).toBeGreaterThan(0);
  return expected.success;
}

/** One change somewhere in `value`: a key dropped or added, a wrong type, null, an unknown enum. */
function mutate(value: unknown, where: number, how: number, junk: unknown): unknown {
  const root: Json = { root: structuredClone(value) };
  const slots: [Json | unknown[], string | number][] = [];
  const walk = (node: unknown) => {
    const entries: [string | number, unknown][] = Array.isArray(node)
      ? node.map((item, i) => [i, item])
      : isObject(node)
        ? Object.entries(node)
        : [];
    for (const [key, item] of entries) {
      slots.push([node as Json, key]);
      walk(item);
    }
  };
  walk(root);
  const [container, key] = slots[where % slots.length]!;
  const target = (container as Json)[key as string];
  const replacements = [null, junk, 'zz', 7, 1.5, true, {}, [], `${String(target)}_UNKNOWN`];
  if (how < replacements.length) (container as Json)[key as string] = replacements[how];
  else if (how === replacements.length) {
    if (Array.isArray(container)) container.splice(key as number, 1);
    else delete container[key as string];
  } else if (isObject(target)) target.surprise = junk;
  else (container as Json)[key as string] = { surprise: junk };
  return root.root;
}

const documents = [
  {
    api: 'scenario',
    prefix: 'Scenario',
    mini: scenarioMini as unknown as Record<string, ZodLike>,
    standard: scenarioStandard as unknown as Record<string, StandardLike>,
    operations: scenarioOperations.operations,
    seed: { schema: 'ScenarioGetUploadResponse', value: seedExample(SEEDS.scenario) as Json },
  },
  {
    api: 'cadenya',
    prefix: 'Cadenya',
    mini: cadenyaMini as unknown as Record<string, ZodLike>,
    standard: cadenyaStandard as unknown as Record<string, StandardLike>,
    operations: cadenyaOperations.operations,
    seed: { schema: 'CadenyaUpload', value: seedExample(SEEDS.cadenya) as Json },
  },
] as const;

describe.each(documents)(
  '@upkit/schemas/$api/standard',
  ({ api, prefix, mini, standard, operations, seed }) => {
    const doc = parse(
      readFileSync(new URL(`../openapi/${api}.yaml`, import.meta.url), 'utf8'),
    ) as Json;
    const cases = [...examplesOf(doc, prefix, operations), seed];

    it('accepts every example and the seed, with the output zod/mini gives', () => {
      expect(cases.length).toBeGreaterThan(8);
      for (const { schema, value } of cases) {
        expect(standard[schema], schema).toBeDefined();
        expect(verdict(mini[schema]!, standard[schema]!, value), schema).toBe(true);
      }
    });

    it('agrees with zod/mini on every mutation of them', () => {
      let rejected = 0;
      let accepted = 0;
      for (const { schema, value } of cases) {
        fc.assert(
          fc.property(
            fc.nat(),
            fc.nat({ max: 10 }),
            fc.jsonValue({ maxDepth: 2 }),
            (where, how, junk) => {
              if (verdict(mini[schema]!, standard[schema]!, mutate(value, where, how, junk)))
                accepted++;
              else rejected++;
            },
          ),
          { numRuns: 150, seed: 7 },
        );
      }
      // Not vacuous: mutations land on both sides.
      expect(accepted).toBeGreaterThan(100);
      expect(rejected).toBeGreaterThan(100);
    });

    it('backs the operation descriptors (no zod in /operations)', () => {
      for (const op of Object.values(operations) as { body?: unknown; response?: unknown }[]) {
        for (const schema of [op.body, op.response]) {
          if (schema !== undefined)
            expect((schema as StandardLike)['~standard'].vendor).toBe('upkit');
        }
      }
    });
  },
);

describe('standard validators on the seeds', () => {
  const upload = seedExample(SEEDS.cadenya) as { info: Json; metadata: Json };
  const validate = run;

  it('keep unknown fields and unknown enum values of responses', () => {
    const data = {
      ...upload,
      extra: 1,
      info: { ...upload.info, status: 'UPLOAD_STATUS_QUARANTINED' },
    };
    const result = validate(cadenyaStandard.CadenyaUpload, data);
    expect(result.value).toEqual(data);
    expect(cadenyaStandard.isKnownCadenyaUploadInfoStatus('UPLOAD_STATUS_QUARANTINED')).toBe(false);
  });

  it('reject bad requests with short messages and paths', () => {
    const body = {
      metadata: { name: 'a.glb' },
      spec: { filename: 'a.glb', contentType: 'model/gltf-binary', sizeBytes: '12', extra: 1 },
    };
    expect(validate(cadenyaStandard.CadenyaUploadServiceCreateUploadBody, body).issues).toEqual([
      { message: "unknown key 'extra'", path: ['spec'] },
    ]);
    expect(
      validate(scenarioStandard.ScenarioTriggerUploadActionBody, { action: 'cancel' }).issues,
    ).toEqual([{ message: 'expected "complete"', path: ['action'] }]);
    expect(
      validate(cadenyaStandard.CadenyaUpload, {
        ...upload,
        metadata: { ...upload.metadata, createdAt: 'yesterday' },
      }).issues,
    ).toEqual([
      { message: 'expected an ISO 8601 date-time with offset', path: ['metadata', 'createdAt'] },
    ]);
  });
});
