import { readFileSync } from 'node:fs';
import { SEEDS, cadenyaPublicSpecUrl, seedExample, type SeedName } from '@upkit/test-utils';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The two hand-written documents are the input of the generator, the sandbox and the clients. These
// tests pin Cadenya's to the vendor's published contract, and keep every example of both honest.

type JsonObject = { [key: string]: unknown };

const scenarioUrl = new URL('../openapi/scenario.yaml', import.meta.url);
const cadenyaUrl = new URL('../openapi/cadenya.yaml', import.meta.url);

function loadYaml(url: URL): JsonObject {
  const value: unknown = parse(readFileSync(url, 'utf8'));
  if (!isObject(value)) throw new Error(`${url.pathname} is not a YAML mapping`);
  return value;
}

const scenario = loadYaml(scenarioUrl);
const cadenya = loadYaml(cadenyaUrl);
const vendor = loadYaml(cadenyaPublicSpecUrl);

/** The three Cadenya operations upkit uses; ours must match the vendor's one for one. */
const CADENYA_OPERATIONS = [
  'UploadService_CreateUpload',
  'UploadService_GetUpload',
  'MemoryService_CreateMemoryEntry',
];

/**
 * Properties we keep although the vendor's document no longer has them. api-facts.md: `bundleKey`
 * was removed from the API, but responses may still carry it ("accept it if present").
 */
const TOLERATED_EXTRA_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  ResourceMetadata: ['bundleKey'],
};

// ---------------------------------------------------------------------------------------------
// Generic helpers

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isObject(current)) current = current[key];
    else return undefined;
  }
  return current;
}

function objectAt(value: unknown, ...keys: string[]): JsonObject {
  const found = at(value, ...keys);
  if (!isObject(found)) throw new Error(`no object at ${keys.join('.')}`);
  return found;
}

function pathSegment(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return firstDifference(a, b, '$') === undefined;
}

/** The JSON path of the first place where `actual` differs from `expected`, with both values. */
function firstDifference(expected: unknown, actual: unknown, path: string): string | undefined {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const length = Math.max(expected.length, actual.length);
    for (let i = 0; i < length; i++) {
      const diff = firstDifference(expected[i], actual[i], path + pathSegment(i));
      if (diff !== undefined) return diff;
    }
    return undefined;
  }
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const key of keys) {
      const diff = firstDifference(expected[key], actual[key], path + pathSegment(key));
      if (diff !== undefined) return diff;
    }
    return undefined;
  }
  if (Object.is(expected, actual)) return undefined;
  return `${path}: vendor has ${describeValue(expected)}, ours has ${describeValue(actual)}`;
}

function describeValue(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/** Resolves a local JSON pointer (`#/components/schemas/X`); undefined when it leads nowhere. */
function resolvePointer(doc: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  const keys = ref
    .slice(2)
    .split('/')
    .map((part) => decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~'));
  let current: unknown = doc;
  for (const key of keys) {
    if (!isObject(current) || !(key in current)) return undefined;
    current = current[key];
  }
  return current;
}

function resolveRef(doc: JsonObject, value: unknown): unknown {
  let current = value;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error('$ref chain too long');
    const target = resolvePointer(doc, current.$ref);
    if (target === undefined) throw new Error(`unresolved $ref ${current.$ref}`);
    current = target;
  }
  return current;
}

// ---------------------------------------------------------------------------------------------
// Normalised schemas: what reaches the wire, without prose

/** Keywords that do not change what is valid on the wire. */
const ANNOTATION_KEYWORDS = new Set([
  'description',
  'title',
  'summary',
  'example',
  'examples',
  'externalDocs',
  '$comment',
]);
const SCHEMA_KEYWORDS = new Set([
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'not',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
]);
const SCHEMA_ARRAY_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs']);

interface NormaliseOptions {
  /** Properties to drop from named components before comparing (ours only). */
  readonly toleratedExtras?: Readonly<Record<string, readonly string[]>>;
}

/**
 * A canonical form of a schema: `$ref`s inlined (a cycle becomes `{$recursiveRef}`), annotations
 * and `x-` extensions dropped, `type` an array sorted with `null` folded in from `nullable`,
 * `required` sorted, and defaults made explicit-free (`additionalProperties: true`, `readOnly:
 * false` and `writeOnly: false` mean the same as their absence).
 */
function normaliseSchema(
  doc: JsonObject,
  schema: unknown,
  options: NormaliseOptions = {},
  stack: readonly string[] = [],
): unknown {
  if (!isObject(schema)) return schema;
  if (typeof schema.$ref === 'string') {
    const ref = schema.$ref;
    if (stack.includes(ref)) return { $recursiveRef: ref };
    const target = resolvePointer(doc, ref);
    if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
    let resolved = normaliseSchema(doc, target, options, [...stack, ref]);
    const name = ref.startsWith('#/components/schemas/') ? ref.slice(21) : undefined;
    const extras = name === undefined ? undefined : options.toleratedExtras?.[name];
    if (extras !== undefined && isObject(resolved)) resolved = dropProperties(resolved, extras);
    const { $ref: _ref, ...siblings } = schema;
    const rest = normaliseSchema(doc, siblings, options, stack);
    return isObject(rest) && Object.keys(rest).length > 0 ? { allOf: [resolved, rest] } : resolved;
  }
  const out: JsonObject = {};
  for (const key of Object.keys(schema).sort()) {
    const value = schema[key];
    if (ANNOTATION_KEYWORDS.has(key) || key.startsWith('x-') || key === 'nullable') continue;
    if (key === 'type') {
      out.type = [...new Set([...(Array.isArray(value) ? value : [value])])].sort();
    } else if (key === 'required' && Array.isArray(value)) {
      out.required = [...value].sort();
    } else if (SCHEMA_KEYWORDS.has(key)) {
      out[key] = normaliseSchema(doc, value, options, stack);
    } else if (SCHEMA_ARRAY_KEYWORDS.has(key) && Array.isArray(value)) {
      out[key] = value.map((item) => normaliseSchema(doc, item, options, stack));
    } else if (SCHEMA_MAP_KEYWORDS.has(key) && isObject(value)) {
      const map: JsonObject = {};
      for (const name of Object.keys(value).sort()) {
        map[name] = normaliseSchema(doc, value[name], options, stack);
      }
      out[key] = map;
    } else if (key === 'discriminator' && isObject(value)) {
      const mapping: JsonObject = {};
      const source = isObject(value.mapping) ? value.mapping : {};
      for (const tag of Object.keys(source).sort()) {
        mapping[tag] = normaliseSchema(doc, { $ref: source[tag] }, options, stack);
      }
      out.discriminator = { propertyName: value.propertyName, mapping };
    } else {
      out[key] = clone(value);
    }
  }
  if (schema.nullable === true) {
    const types = Array.isArray(out.type) ? (out.type as unknown[]) : [];
    out.type = [...new Set([...types, 'null'])].sort();
  }
  if (out.additionalProperties === true) delete out.additionalProperties;
  if (out.readOnly === false) delete out.readOnly;
  if (out.writeOnly === false) delete out.writeOnly;
  return out;
}

function dropProperties(schema: JsonObject, names: readonly string[]): JsonObject {
  if (!isObject(schema.properties)) return schema;
  const properties = { ...schema.properties };
  for (const name of names) delete properties[name];
  return { ...schema, properties };
}

/** How to normalise our document against `theirs`: drop the tolerated extras the vendor lacks. */
function oursOptions(theirs: JsonObject): NormaliseOptions {
  const toleratedExtras = Object.fromEntries(
    // A tolerated extra that the vendor has (again) is compared like any other property.
    Object.entries(TOLERATED_EXTRA_PROPERTIES).map(([component, props]) => [
      component,
      props.filter(
        (prop) => at(theirs, 'components', 'schemas', component, 'properties', prop) === undefined,
      ),
    ]),
  );
  return { toleratedExtras };
}

function componentDifference(ours: JsonObject, theirs: JsonObject, name: string) {
  const ref = { $ref: `#/components/schemas/${name}` };
  return firstDifference(
    normaliseSchema(theirs, ref),
    normaliseSchema(ours, ref, oursOptions(theirs)),
    `$.components.schemas.${name}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Normalised operations

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface OperationLocation {
  readonly path: string;
  readonly method: string;
  readonly operation: JsonObject;
  readonly pathItem: JsonObject;
}

function operations(doc: JsonObject): OperationLocation[] {
  const found: OperationLocation[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const pathItem = resolveRef(doc, rawItem);
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) found.push({ path, method, operation, pathItem });
    }
  }
  return found;
}

function findOperation(doc: JsonObject, operationId: string): OperationLocation {
  const found = operations(doc).find((op) => op.operation.operationId === operationId);
  if (found === undefined) throw new Error(`no operation ${operationId}`);
  return found;
}

function normaliseContent(
  doc: JsonObject,
  content: unknown,
  options: NormaliseOptions,
): JsonObject {
  const out: JsonObject = {};
  if (!isObject(content)) return out;
  for (const mediaType of Object.keys(content).sort()) {
    out[mediaType] = normaliseSchema(doc, at(content, mediaType, 'schema'), options);
  }
  return out;
}

/** Path, method, parameters, request body and responses of an operation, schemas normalised. */
function normaliseOperation(
  doc: JsonObject,
  operationId: string,
  options: NormaliseOptions = {},
): JsonObject {
  const { path, method, operation, pathItem } = findOperation(doc, operationId);
  const rawParameters = [
    ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
  ];
  const parameters: JsonObject = {};
  for (const raw of rawParameters) {
    const parameter = objectAt(resolveRef(doc, raw));
    const { name, in: location, required, schema, style, explode, content } = parameter;
    parameters[`${String(location)}:${String(name)}`] = {
      required: required === true,
      schema: normaliseSchema(doc, schema, options),
      style,
      explode,
      content: content === undefined ? undefined : normaliseContent(doc, content, options),
    };
  }
  const body = resolveRef(doc, operation.requestBody);
  const requestBody = isObject(body)
    ? { required: body.required === true, content: normaliseContent(doc, body.content, options) }
    : undefined;
  const responses: JsonObject = {};
  const rawResponses = isObject(operation.responses) ? operation.responses : {};
  for (const code of Object.keys(rawResponses).sort()) {
    const response = objectAt(resolveRef(doc, rawResponses[code]));
    responses[code] = { content: normaliseContent(doc, response.content, options) };
  }
  return { path, method, parameters, requestBody, responses };
}

function operationDifference(ours: JsonObject, theirs: JsonObject, operationId: string) {
  return firstDifference(
    normaliseOperation(theirs, operationId),
    normaliseOperation(ours, operationId, oursOptions(theirs)),
    `$.operations.${operationId}`,
  );
}

/** The names of every component schema an operation reaches, transitively. */
function reachableSchemas(doc: JsonObject, operationIds: readonly string[]): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        if (value.startsWith('#/components/schemas/')) {
          const name = value.slice(21);
          if (names.has(name)) continue;
          names.add(name);
        }
        visit(resolvePointer(doc, value));
      } else if (key === 'mapping' && isObject(value)) {
        visit(Object.values(value).map((ref) => ({ $ref: ref })));
      } else if (key !== 'example' && key !== 'examples') {
        visit(value);
      }
    }
  };
  for (const id of operationIds) visit(findOperation(doc, id).operation);
  return names;
}

// ---------------------------------------------------------------------------------------------
// A small structural validator for examples (not a full JSON Schema validator)

type Direction = 'request' | 'response' | 'none';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function matchesType(value: unknown, type: unknown): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return jsonType(value) === type;
  }
}

function isFlagged(doc: JsonObject, schema: unknown, flag: 'readOnly' | 'writeOnly'): boolean {
  if (!isObject(schema)) return false;
  if (schema[flag] === true) return true;
  if (typeof schema.$ref === 'string')
    return isFlagged(doc, resolvePointer(doc, schema.$ref), flag);
  return false;
}

function isPlainObjectSchema(schema: JsonObject): boolean {
  return (
    isObject(schema.properties) && !['$ref', 'allOf', 'anyOf', 'oneOf'].some((k) => k in schema)
  );
}

/**
 * Every way `value` breaks `schema`, as `path: problem` strings; empty when it fits. `strict` also
 * refuses properties a plain object schema does not declare (to prove a schema covers a sample).
 */
function validate(
  doc: JsonObject,
  schema: unknown,
  value: unknown,
  path = '$',
  direction: Direction = 'none',
  strict = false,
): string[] {
  if (schema === true || schema === undefined) return [];
  if (schema === false) return [`${path}: no value is allowed here`];
  if (!isObject(schema)) return [`${path}: the schema is not an object`];
  const errors: string[] = [];
  if (typeof schema.$ref === 'string') {
    const target = resolvePointer(doc, schema.$ref);
    if (target === undefined) return [`${path}: unresolved $ref ${schema.$ref}`];
    errors.push(...validate(doc, target, value, path, direction, strict));
  }

  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? [...schema.type] : [schema.type];
    if (schema.nullable === true) types.push('null');
    if (!types.some((type) => matchesType(value, type))) {
      return [...errors, `${path}: expected ${types.join(' or ')}, got ${jsonType(value)}`];
    }
  } else if (value === null && schema.nullable === false) {
    errors.push(`${path}: null is not allowed`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => deepEqual(option, value))) {
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if ('const' in schema && !deepEqual(schema.const, value)) {
    errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  }

  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) {
      errors.push(`${path}: shorter than ${schema.minLength}`);
    }
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) {
      errors.push(`${path}: longer than ${schema.maxLength}`);
    }
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
      errors.push(`${path}: does not match ${schema.pattern}`);
    }
    if (schema.format === 'date-time' && !DATE_TIME.test(value)) {
      errors.push(`${path}: ${JSON.stringify(value)} is not an RFC 3339 date-time`);
    }
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) {
      errors.push(`${path}: below the minimum ${schema.minimum}`);
    }
    if (typeof schema.maximum === 'number' && value > schema.maximum) {
      errors.push(`${path}: above the maximum ${schema.maximum}`);
    }
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) {
      errors.push(`${path}: not above ${schema.exclusiveMinimum}`);
    }
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) {
      errors.push(`${path}: not below ${schema.exclusiveMaximum}`);
    }
    if (schema.format === 'int32' && (value < -(2 ** 31) || value > 2 ** 31 - 1)) {
      errors.push(`${path}: outside int32`);
    }
  }

  if (Array.isArray(value)) {
    if (schema.items !== undefined) {
      value.forEach((item, i) => {
        errors.push(...validate(doc, schema.items, item, `${path}[${i}]`, direction, strict));
      });
    }
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) {
      errors.push(`${path}: fewer than ${schema.minItems} items`);
    }
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) {
      errors.push(`${path}: more than ${schema.maxItems} items`);
    }
  }

  if (isObject(value)) {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) ? schema.required : [];
    for (const name of required) {
      if (typeof name !== 'string' || name in value) continue;
      // A readOnly property is never sent, and a writeOnly one never answered.
      if (direction === 'request' && isFlagged(doc, properties[name], 'readOnly')) continue;
      if (direction === 'response' && isFlagged(doc, properties[name], 'writeOnly')) continue;
      errors.push(`${path}: missing required property ${JSON.stringify(name)}`);
    }
    for (const [name, item] of Object.entries(value)) {
      const itemPath = path + pathSegment(name);
      if (name in properties) {
        if (direction === 'request' && isFlagged(doc, properties[name], 'readOnly')) {
          errors.push(`${itemPath}: readOnly property in a request`);
        }
        errors.push(...validate(doc, properties[name], item, itemPath, direction, strict));
      } else if (schema.additionalProperties === false) {
        errors.push(`${itemPath}: property not allowed`);
      } else if (
        strict &&
        schema.additionalProperties === undefined &&
        isPlainObjectSchema(schema)
      ) {
        errors.push(`${itemPath}: property not declared`);
      } else if (isObject(schema.additionalProperties)) {
        errors.push(
          ...validate(doc, schema.additionalProperties, item, itemPath, direction, strict),
        );
      }
    }
    const discriminator = isObject(schema.discriminator) ? schema.discriminator : undefined;
    if (discriminator !== undefined && typeof discriminator.propertyName === 'string') {
      const tag = value[discriminator.propertyName];
      if (isObject(discriminator.mapping) && !(String(tag) in discriminator.mapping)) {
        errors.push(`${path}: discriminator ${JSON.stringify(tag)} is not mapped`);
      }
    }
  }

  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf)
      errors.push(...validate(doc, part, value, path, direction, strict));
  }
  if (Array.isArray(schema.anyOf)) {
    const fits = schema.anyOf.filter(
      (part) => validate(doc, part, value, path, direction, strict).length === 0,
    );
    if (fits.length === 0) errors.push(`${path}: matches none of anyOf`);
  }
  if (Array.isArray(schema.oneOf)) {
    const fits = schema.oneOf.filter(
      (part) => validate(doc, part, value, path, direction, strict).length === 0,
    );
    if (fits.length !== 1) errors.push(`${path}: matches ${fits.length} of oneOf, not exactly 1`);
  }
  if (
    schema.not !== undefined &&
    validate(doc, schema.not, value, path, direction, strict).length === 0
  ) {
    errors.push(`${path}: matches a schema it must not`);
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Finding every example in a document

interface ExampleCase {
  /** Where the example is, as a JSON pointer-ish path. */
  readonly where: string;
  readonly schema: unknown;
  readonly value: unknown;
  readonly direction: Direction;
}

function schemaExamples(schema: unknown, where: string, direction: Direction): ExampleCase[] {
  if (!isObject(schema)) return [];
  const found: ExampleCase[] = [];
  if ('example' in schema) {
    found.push({ where: `${where}/example`, schema, value: schema.example, direction });
  }
  if (Array.isArray(schema.examples)) {
    schema.examples.forEach((value, i) => {
      found.push({ where: `${where}/examples/${i}`, schema, value, direction });
    });
  }
  for (const key of SCHEMA_KEYWORDS) {
    found.push(...schemaExamples(schema[key], `${where}/${key}`, direction));
  }
  for (const key of SCHEMA_ARRAY_KEYWORDS) {
    const list = schema[key];
    if (Array.isArray(list)) {
      list.forEach((item, i) =>
        found.push(...schemaExamples(item, `${where}/${key}/${i}`, direction)),
      );
    }
  }
  for (const key of SCHEMA_MAP_KEYWORDS) {
    const map = schema[key];
    if (!isObject(map)) continue;
    for (const [name, item] of Object.entries(map)) {
      found.push(...schemaExamples(item, `${where}/${key}/${name}`, direction));
    }
  }
  return found;
}

/** `example` and every entry of `examples` (an Example Object, maybe a `$ref`) of a node. */
function objectExamples(
  doc: JsonObject,
  holder: JsonObject,
  schema: unknown,
  where: string,
  direction: Direction,
): ExampleCase[] {
  const found: ExampleCase[] = [];
  if ('example' in holder) {
    found.push({ where: `${where}/example`, schema, value: holder.example, direction });
  }
  if (isObject(holder.examples)) {
    for (const [name, raw] of Object.entries(holder.examples)) {
      const example = objectAt(resolveRef(doc, raw));
      found.push({ where: `${where}/examples/${name}`, schema, value: example.value, direction });
    }
  }
  return [...found, ...schemaExamples(schema, `${where}/schema`, direction)];
}

function contentExamples(
  doc: JsonObject,
  content: unknown,
  where: string,
  direction: Direction,
): ExampleCase[] {
  if (!isObject(content)) return [];
  return Object.entries(content).flatMap(([mediaType, raw]) =>
    isObject(raw)
      ? objectExamples(doc, raw, raw.schema, `${where}/content/${mediaType}`, direction)
      : [],
  );
}

function parameterLikeExamples(doc: JsonObject, raw: unknown, where: string): ExampleCase[] {
  const parameter = resolveRef(doc, raw);
  if (!isObject(parameter)) return [];
  return [
    ...objectExamples(doc, parameter, parameter.schema, where, 'request'),
    ...contentExamples(doc, parameter.content, where, 'request'),
  ];
}

/** Every example of a document, each paired with the schema it must satisfy. */
function collectExamples(doc: JsonObject): ExampleCase[] {
  const found: ExampleCase[] = [];
  const components = isObject(doc.components) ? doc.components : {};
  const section = (name: string): JsonObject => {
    const value = components[name];
    return isObject(value) ? value : {};
  };
  for (const [name, schema] of Object.entries(section('schemas'))) {
    found.push(...schemaExamples(schema, `#/components/schemas/${name}`, 'none'));
  }
  for (const [name, parameter] of Object.entries(section('parameters'))) {
    found.push(...parameterLikeExamples(doc, parameter, `#/components/parameters/${name}`));
  }
  for (const [name, header] of Object.entries(section('headers'))) {
    found.push(...parameterLikeExamples(doc, header, `#/components/headers/${name}`));
  }
  // A `$ref`-ed parameter or header is checked once, where it is defined (above).
  const inline = (list: unknown): unknown[] =>
    (Array.isArray(list) ? list : Object.values(isObject(list) ? list : {})).filter(
      (item) => isObject(item) && item.$ref === undefined,
    );
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, pathItem] of Object.entries(paths)) {
    const where = `#/paths/${path.replaceAll('/', '~1')}`;
    inline(at(pathItem, 'parameters')).forEach((raw, i) => {
      found.push(...parameterLikeExamples(doc, raw, `${where}/parameters/${i}`));
    });
  }
  for (const { path, method, operation } of operations(doc)) {
    const where = `#/paths/${path.replaceAll('/', '~1')}/${method}`;
    inline(operation.parameters).forEach((raw, i) => {
      found.push(...parameterLikeExamples(doc, raw, `${where}/parameters/${i}`));
    });
    const body = resolveRef(doc, operation.requestBody);
    if (isObject(body)) {
      found.push(...contentExamples(doc, body.content, `${where}/requestBody`, 'request'));
    }
    const responses = isObject(operation.responses) ? operation.responses : {};
    for (const [code, raw] of Object.entries(responses)) {
      const response = objectAt(resolveRef(doc, raw));
      const responseWhere = `${where}/responses/${code}`;
      found.push(...contentExamples(doc, response.content, responseWhere, 'response'));
      Object.entries(isObject(response.headers) ? response.headers : {}).forEach(
        ([name, header]) => {
          if (isObject(header) && header.$ref === undefined) {
            found.push(...parameterLikeExamples(doc, header, `${responseWhere}/headers/${name}`));
          }
        },
      );
    }
  }
  return found;
}

function exampleErrors(doc: JsonObject): string[] {
  return collectExamples(doc).flatMap(({ where, schema, value, direction }) =>
    validate(doc, schema, value, '$', direction).map((error) => `${where}: ${error}`),
  );
}

/** Every `$ref` (and discriminator mapping) in a document, with where it is. Example values are data. */
function collectRefs(doc: JsonObject): { where: string; ref: unknown }[] {
  const found: { where: string; ref: unknown }[] = [];
  const visit = (node: unknown, where: string, parentKey: string | undefined): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${where}/${i}`, parentKey));
      return;
    }
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const here = `${where}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (key === '$ref') found.push({ where: here, ref: value });
      else if (key === 'mapping' && parentKey === 'discriminator' && isObject(value)) {
        for (const [tag, ref] of Object.entries(value))
          found.push({ where: `${here}/${tag}`, ref });
      } else if (key === 'example') continue;
      else if (key === 'value' && where.includes('/examples/')) continue;
      else visit(value, here, key);
    }
  };
  visit(doc, '#', undefined);
  return found;
}

// ---------------------------------------------------------------------------------------------

describe('cadenya.yaml is wire-identical to the vendor document', () => {
  const ourSchemas = Object.keys(objectAt(cadenya, 'components', 'schemas'));

  it.each(ourSchemas)('component schema %s', (name) => {
    expect(at(vendor, 'components', 'schemas', name), `vendor has no schema ${name}`).toBeDefined();
    expect(componentDifference(cadenya, vendor, name)).toBeUndefined();
  });

  it.each(CADENYA_OPERATIONS)('operation %s (path, parameters, body, responses)', (id) => {
    expect(operationDifference(cadenya, vendor, id)).toBeUndefined();
  });

  it('has every schema the three operations reach in the vendor document, and no other', () => {
    const needed = [...reachableSchemas(vendor, CADENYA_OPERATIONS)].sort();
    expect([...ourSchemas].sort()).toEqual(needed);
  });

  it('tolerates only extras the vendor lacks, as optional properties', () => {
    for (const [component, names] of Object.entries(TOLERATED_EXTRA_PROPERTIES)) {
      const required = at(cadenya, 'components', 'schemas', component, 'required');
      for (const name of names) {
        expect(at(cadenya, 'components', 'schemas', component, 'properties', name)).toBeDefined();
        expect(Array.isArray(required) && required.includes(name)).toBe(false);
      }
    }
  });
});

describe('the wire-identity comparer', () => {
  function mutated(edit: (doc: JsonObject) => void): JsonObject {
    const copy = clone(cadenya);
    edit(copy);
    return copy;
  }

  it('reports a renamed field with its path', () => {
    const doc = mutated((d) => {
      const spec = objectAt(d, 'components', 'schemas', 'UploadSpec');
      const properties = objectAt(spec, 'properties');
      properties.size_bytes = properties.sizeBytes;
      delete properties.sizeBytes;
      spec.required = ['filename', 'contentType', 'size_bytes'];
    });
    expect(componentDifference(doc, vendor, 'UploadSpec')).toMatch(
      /^\$\.components\.schemas\.UploadSpec\.properties\.sizeBytes: vendor has \{"type":\["string"\]\}, ours has nothing$/,
    );
  });

  it('reports a retyped field, also through the $refs of another component', () => {
    const doc = mutated((d) => {
      objectAt(d, 'components', 'schemas', 'UploadSpec', 'properties', 'sizeBytes').type =
        'integer';
    });
    expect(componentDifference(doc, vendor, 'UploadSpec')).toBe(
      '$.components.schemas.UploadSpec.properties.sizeBytes.type[0]: vendor has "string", ours has "integer"',
    );
    expect(componentDifference(doc, vendor, 'Upload')).toMatch(
      /^\$\.components\.schemas\.Upload\.properties\.spec\.properties\.sizeBytes\.type/,
    );
  });

  it('reports a changed enum, format, required list, readOnly or nullability', () => {
    const edits: [string, (d: JsonObject) => void, RegExp][] = [
      [
        'enum',
        (d) => {
          const type = objectAt(d, 'components', 'schemas', 'ProfileSpec', 'properties', 'type');
          type.enum = [...(type.enum as string[]), 'PROFILE_TYPE_ROBOT'];
        },
        /createdBy\.properties\.spec\.properties\.type\.enum\[4\]/,
      ],
      [
        'format',
        (d) =>
          delete objectAt(d, 'components', 'schemas', 'ResourceMetadata', 'properties', 'createdAt')
            .format,
        /metadata\.properties\.createdAt\.format/,
      ],
      [
        'required',
        (d) => (objectAt(d, 'components', 'schemas', 'UploadInfo').required = ['uploadUrl']),
        /info\.required\[0\]: vendor has "status"/,
      ],
      [
        'readOnly',
        (d) =>
          delete objectAt(d, 'components', 'schemas', 'UploadInfo', 'properties', 'uploadUrl')
            .readOnly,
        /info\.properties\.uploadUrl\.readOnly/,
      ],
      [
        'nullable',
        (d) =>
          (objectAt(d, 'components', 'schemas', 'UploadInfo', 'properties', 'uploadUrl').type = [
            'string',
            'null',
          ]),
        /info\.properties\.uploadUrl\.type/,
      ],
    ];
    for (const [label, edit, pattern] of edits) {
      expect(componentDifference(mutated(edit), vendor, 'Upload'), label).toMatch(pattern);
    }
  });

  it('reports a changed discriminator or oneOf', () => {
    const doc = mutated((d) => {
      const spec = objectAt(d, 'components', 'schemas', 'MemoryEntryCreateSpec');
      objectAt(spec, 'discriminator').propertyName = 'kind';
    });
    expect(componentDifference(doc, vendor, 'MemoryEntryCreateSpec')).toMatch(
      /discriminator\.propertyName/,
    );
    const reordered = mutated((d) => {
      const spec = objectAt(d, 'components', 'schemas', 'MemoryEntryCreateSpec');
      spec.oneOf = [...(spec.oneOf as unknown[])].reverse();
    });
    expect(componentDifference(reordered, vendor, 'MemoryEntryCreateSpec')).toMatch(/oneOf\[0\]/);
  });

  it('keeps the bundleKey exception narrow', () => {
    const extra = mutated((d) => {
      objectAt(d, 'components', 'schemas', 'ResourceMetadata', 'properties').bundleKeys = {
        type: 'string',
      };
    });
    expect(componentDifference(extra, vendor, 'ResourceMetadata')).toMatch(
      /properties\.bundleKeys/,
    );
    const retyped = mutated((d) => {
      objectAt(d, 'components', 'schemas', 'ResourceMetadata', 'properties', 'name').type =
        'integer';
    });
    expect(componentDifference(retyped, vendor, 'ResourceMetadata')).toMatch(
      /properties\.name\.type/,
    );
  });

  it('reports a changed parameter, status code or body schema of an operation', () => {
    const renamedParameter = mutated(
      (d) => (objectAt(d, 'components', 'parameters', 'UploadId').name = 'uploadId'),
    );
    expect(operationDifference(renamedParameter, vendor, 'UploadService_GetUpload')).toMatch(
      /^\$\.operations\.UploadService_GetUpload\.parameters\["path:id"\]/,
    );
    const recoded = mutated((d) => {
      const responses = objectAt(
        d,
        'paths',
        '/v1/workspaces/{workspaceId}/uploads',
        'post',
        'responses',
      );
      responses['201'] = responses['200'];
      delete responses['200'];
    });
    expect(operationDifference(recoded, vendor, 'UploadService_CreateUpload')).toMatch(
      /responses\["20[01]"\]/,
    );
    const optionalBody = mutated((d) => {
      objectAt(d, 'paths', '/v1/workspaces/{workspaceId}/uploads', 'post', 'requestBody').required =
        false;
    });
    expect(operationDifference(optionalBody, vendor, 'UploadService_CreateUpload')).toMatch(
      /requestBody\.required/,
    );
    const retypedBody = mutated((d) => {
      objectAt(
        d,
        'components',
        'schemas',
        'MemoryEntryCreateSpec_UploadId',
        'properties',
        'key',
      ).type = 'number';
    });
    expect(operationDifference(retypedBody, vendor, 'MemoryService_CreateMemoryEntry')).toMatch(
      /requestBody\.content\["application\/json"\]\.properties\.spec\.discriminator\.mapping\.uploadId\.properties\.key\.type/,
    );
  });
});

describe.each([
  ['scenario.yaml', scenario],
  ['cadenya.yaml', cadenya],
])('%s', (_name, doc) => {
  it('has a unique operationId, a summary and a description on every operation', () => {
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThanOrEqual(3);
    const ids = ops.map(({ operation }) => operation.operationId);
    for (const { operation, path, method } of ops) {
      expect(typeof operation.operationId, `${method} ${path}`).toBe('string');
      expect(typeof operation.summary, `${method} ${path}`).toBe('string');
      expect(typeof operation.description, `${method} ${path}`).toBe('string');
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has only local $refs that resolve', () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(10);
    const broken = refs.filter(
      ({ ref }) => typeof ref !== 'string' || resolvePointer(doc, ref) === undefined,
    );
    expect(broken).toEqual([]);
  });

  it('has only examples that fit their schemas', () => {
    expect(collectExamples(doc).length).toBeGreaterThan(10);
    expect(exampleErrors(doc)).toEqual([]);
  });
});

describe('examples', () => {
  it('include the seed responses verbatim on the get operations', () => {
    expect(
      at(
        scenario,
        'paths',
        '/uploads/{uploadId}',
        'get',
        'responses',
        '200',
        'content',
        'application/json',
        'examples',
        'seed',
        'value',
      ),
    ).toEqual(seedExample(SEEDS.scenario));
    expect(
      at(
        cadenya,
        'paths',
        '/v1/workspaces/{workspaceId}/uploads/{id}',
        'get',
        'responses',
        '200',
        'content',
        'application/json',
        'examples',
        'seed',
        'value',
      ),
    ).toEqual(seedExample(SEEDS.cadenya));
  });

  it('have seeds that use only declared properties (the schemas cover the vendor reference)', () => {
    const cases: [JsonObject, string, SeedName][] = [
      [scenario, 'UploadResponse', SEEDS.scenario],
      [cadenya, 'Upload', SEEDS.cadenya],
    ];
    for (const [doc, name, seedName] of cases) {
      const schema = { $ref: `#/components/schemas/${name}` };
      const seed = seedExample(seedName);
      expect(validate(doc, schema, seed, '$', 'response', true)).toEqual([]);
      // Not vacuous: a key the schema does not declare is reported.
      const extended = { ...(seed as JsonObject), unknownField: 1 };
      expect(validate(doc, schema, extended, '$', 'response', true)).toEqual([
        '$.unknownField: property not declared',
      ]);
    }
  });

  it('are all found: schema-level, media-type, named and $ref-ed ones', () => {
    const where = [...collectExamples(scenario), ...collectExamples(cadenya)].map((c) => c.where);
    expect(where).toEqual(
      expect.arrayContaining([
        '#/components/schemas/Upload/example',
        '#/components/parameters/UploadId/schema/example',
        '#/components/headers/RetryAfter/schema/example',
        '#/paths/~1uploads~1{uploadId}/get/responses/200/content/application/json/examples/seed',
        '#/paths/~1uploads~1{uploadId}/get/responses/200/content/application/json/examples/pending',
        '#/paths/~1uploads/post/requestBody/content/application/json/examples/civitai',
        '#/paths/~1uploads~1{uploadId}/get/responses/429/content/application/json/example',
        '#/components/schemas/ResourceMetadata/properties/accountId/example',
        '#/paths/~1v1~1workspaces~1{workspaceId}~1uploads~1{id}/get/responses/200/content/application/json/examples/seed',
        '#/paths/~1v1~1workspaces~1{workspaceId}~1uploads/post/requestBody/content/application/json/example',
      ]),
    );
  });

  it('that are broken are caught, wherever they are', () => {
    const doc = clone(scenario);
    const seed = objectAt(
      doc,
      'paths',
      '/uploads/{uploadId}',
      'get',
      'responses',
      '200',
      'content',
      'application/json',
      'examples',
      'seed',
      'value',
      'upload',
    );
    seed.kind = 'sculpture';
    delete seed.ownerId;
    objectAt(doc, 'components', 'schemas', 'UploadPart', 'example').number = 'one';
    objectAt(doc, 'components', 'examples', 'PendingMultipartUpload', 'value', 'upload').fileSize =
      '12 MiB';
    const errors = exampleErrors(doc);
    const seedWhere =
      '#/paths/~1uploads~1{uploadId}/get/responses/200/content/application/json/examples/seed';
    expect(errors).toEqual(
      expect.arrayContaining([
        `${seedWhere}: $.upload.kind: "sculpture" is not one of ["3d","asset","audio","avatar","image","model","video","text"]`,
        `${seedWhere}: $.upload: missing required property "ownerId"`,
        '#/components/schemas/UploadPart/example: $.number: expected integer, got string',
        expect.stringMatching(
          /examples\/pending: \$\.upload\.fileSize: expected number, got string$/,
        ),
        expect.stringMatching(
          /examples\/multipart: \$\.upload\.fileSize: expected number, got string$/,
        ),
      ]),
    );
    const cadenyaDoc = clone(cadenya);
    const pending = objectAt(cadenyaDoc, 'components', 'examples', 'PendingUpload', 'value');
    objectAt(pending, 'info').status = 'PENDING';
    objectAt(pending, 'metadata').createdAt = 'yesterday';
    objectAt(
      cadenyaDoc,
      'paths',
      '/v1/workspaces/{workspaceId}/uploads',
      'post',
      'requestBody',
      'content',
      'application/json',
      'example',
    ).workspaceId = 'workspace_01HXKD2E5NQM3T9AYWCF133E3Q';
    expect(exampleErrors(cadenyaDoc)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/examples\/pending: \$\.info\.status: "PENDING" is not one of/),
        expect.stringMatching(
          /examples\/pending: \$\.metadata\.createdAt: "yesterday" is not an RFC 3339 date-time$/,
        ),
        expect.stringMatching(
          /requestBody\/content\/application\/json\/example: \$\.workspaceId: readOnly property in a request$/,
        ),
      ]),
    );
  });
});

describe('the example validator', () => {
  const doc: JsonObject = {
    components: {
      schemas: {
        A: {
          type: 'object',
          required: ['kind', 'a'],
          properties: { kind: { enum: ['a'] }, a: { type: 'integer' } },
        },
        B: { type: 'object', required: ['kind'], properties: { kind: { enum: ['b'] } } },
        AorB: { oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }] },
      },
    },
  };

  it.each([
    [{ type: 'string' }, 3, /expected string, got number/],
    [{ type: 'integer' }, 1.5, /expected integer, got number/],
    [{ type: 'string', nullable: true }, null, undefined],
    [{ type: 'string' }, null, /expected string, got null/],
    [{ type: ['string', 'null'] }, null, undefined],
    [{ enum: ['x', 'y'] }, 'z', /not one of/],
    [{ type: 'object', required: ['id'] }, {}, /missing required property "id"/],
    [
      { type: 'object', additionalProperties: false, properties: {} },
      { x: 1 },
      /\$\.x: property not allowed/,
    ],
    [
      { type: 'object', additionalProperties: { type: 'string' } },
      { x: 1 },
      /\$\.x: expected string/,
    ],
    [{ type: 'array', items: { type: 'number' } }, [1, 'two'], /\$\[1\]: expected number/],
    [{ $ref: '#/components/schemas/AorB' }, { kind: 'b' }, undefined],
    [{ $ref: '#/components/schemas/AorB' }, { kind: 'c' }, /matches 0 of oneOf/],
    [{ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 3, /matches 2 of oneOf/],
    [{ anyOf: [{ type: 'number' }, { type: 'boolean' }] }, 'x', /matches none of anyOf/],
    [{ allOf: [{ type: 'integer' }, { minimum: 2 }] }, 1, /below the minimum 2/],
    [{ type: 'integer', format: 'int32' }, 2 ** 31, /outside int32/],
    [{ type: 'string', format: 'date-time' }, '2025-06-30T15:15:27.153Z', undefined],
    [{ $ref: '#/components/schemas/Missing' }, 1, /unresolved \$ref/],
  ])('%j against %j', (schema, value, expected) => {
    const errors = validate(doc, schema, value);
    if (expected === undefined) expect(errors).toEqual([]);
    else expect(errors.join('\n')).toMatch(expected);
  });

  it('skips readOnly required properties in requests, and refuses them there', () => {
    const schema = {
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'string', readOnly: true } },
    };
    expect(validate(doc, schema, {}, '$', 'request')).toEqual([]);
    expect(validate(doc, schema, {}, '$', 'response')).toEqual([
      '$: missing required property "id"',
    ]);
    expect(validate(doc, schema, { id: 'x' }, '$', 'request')).toEqual([
      '$.id: readOnly property in a request',
    ]);
  });

  it('rejects a Scenario create body that mixes two modes', () => {
    const body = objectAt(scenario, 'components', 'schemas', 'CreateUploadRequest');
    const mixed = { url: 'https://example.org/a.png', kind: 'image', huggingFaceModelName: 'a/b' };
    expect(validate(scenario, body, mixed, '$', 'request')).toEqual([
      '$: matches 2 of oneOf, not exactly 1',
    ]);
    expect(validate(scenario, body, { kind: 'image' }, '$', 'request')).toEqual([
      '$: matches 0 of oneOf, not exactly 1',
    ]);
  });
});
