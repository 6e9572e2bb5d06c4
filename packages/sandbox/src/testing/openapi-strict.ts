import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

type Schema = Record<string, unknown>;

/** An OpenAPI document of @upkit/schemas. */
export interface OpenApiDocument {
  readonly raw: Schema;
}

/** Loads `packages/schemas/openapi/<name>.yaml`. */
export function loadOpenApi(name: 'scenario' | 'cadenya'): OpenApiDocument {
  const path = fileURLToPath(new URL(`../../../schemas/openapi/${name}.yaml`, import.meta.url));
  return { raw: parse(readFileSync(path, 'utf8')) as Schema };
}

function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  let current = schema;
  while (typeof current['$ref'] === 'string') {
    const pointer = (current['$ref'] as string).replace(/^#\//, '').split('/');
    let target: unknown = doc.raw;
    for (const segment of pointer)
      target = (target as Schema)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (!target) throw new Error(`Unresolved $ref ${String(current['$ref'])}`);
    current = target as Schema;
  }
  return current;
}

/** The JSON schema of an operation's response (by operationId and status). */
export function responseSchema(doc: OpenApiDocument, operationId: string, status = '200'): Schema {
  for (const item of Object.values(doc.raw['paths'] as Record<string, Schema>)) {
    for (const operation of Object.values(item) as Schema[]) {
      if (operation['operationId'] !== operationId) continue;
      const responses = operation['responses'] as Record<string, Schema>;
      const response = resolve(doc, (responses[status] ?? responses['default'])!);
      const content = response['content'] as Record<string, Schema>;
      return content['application/json']!['schema'] as Schema;
    }
  }
  throw new Error(`No operation ${operationId}`);
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function check(
  doc: OpenApiDocument,
  input: Schema,
  value: unknown,
  path: string,
  errors: string[],
): void {
  const schema = resolve(doc, input);
  for (const sub of (schema['allOf'] as Schema[] | undefined) ?? [])
    check(doc, sub, value, path, errors);
  const oneOf = schema['oneOf'] as Schema[] | undefined;
  if (oneOf) {
    const matching = oneOf.filter((sub) => {
      const e: string[] = [];
      check(doc, sub, value, path, e);
      return e.length === 0;
    });
    if (matching.length !== 1) errors.push(`${path}: matches ${matching.length} branches of oneOf`);
  }
  const declared = schema['type'];
  const types = declared === undefined ? [] : Array.isArray(declared) ? declared : [declared];
  const actual = typeOf(value);
  if (
    types.length > 0 &&
    !types.includes(actual) &&
    !(actual === 'integer' && types.includes('number'))
  ) {
    errors.push(`${path}: expected ${types.join('|')}, got ${actual}`);
    return;
  }
  const values = schema['enum'] as unknown[] | undefined;
  if (values && !values.includes(value))
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${values.join(', ')}`);
  if (schema['format'] === 'date-time' && typeof value === 'string' && !DATE_TIME.test(value)) {
    errors.push(`${path}: ${value} is not an RFC 3339 date-time`);
  }
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum'])
      errors.push(`${path}: below minimum`);
    if (typeof schema['maximum'] === 'number' && value > schema['maximum'])
      errors.push(`${path}: above maximum`);
  }
  if (actual === 'array' && schema['items']) {
    (value as unknown[]).forEach((item, i) =>
      check(doc, schema['items'] as Schema, item, `${path}[${i}]`, errors),
    );
  }
  if (actual === 'object' && (types.includes('object') || schema['properties'])) {
    const object = value as Record<string, unknown>;
    const properties = (schema['properties'] as Record<string, Schema> | undefined) ?? {};
    for (const name of (schema['required'] as string[] | undefined) ?? []) {
      if (!(name in object)) errors.push(`${path}: missing required ${name}`);
    }
    const additional = schema['additionalProperties'];
    for (const [name, item] of Object.entries(object)) {
      if (properties[name]) check(doc, properties[name], item, `${path}.${name}`, errors);
      else if (typeof additional === 'object' && additional !== null) {
        check(doc, additional as Schema, item, `${path}.${name}`, errors);
      } else if (additional !== true) {
        // Strict: a property the document does not declare is a disagreement.
        errors.push(`${path}: property "${name}" is not in the document`);
      }
    }
  }
}

/**
 * Checks a value against a schema of the document in strict mode: every object property must be
 * declared (unless `additionalProperties` allows more), every enum value known.
 * @returns the disagreements, empty when none.
 */
export function strictErrors(doc: OpenApiDocument, schema: Schema, value: unknown): string[] {
  const errors: string[] = [];
  check(doc, schema, value, '$', errors);
  return errors;
}
