import { int64FromNumber, int64FromString } from './int64-value.js';
import type { Int64Reading } from './int64-value.js';
import { protoNameOf } from './proto-name.js';

/**
 * The part of a JSON Schema (an OpenAPI 3.1 schema, or zod's `toJSONSchema()` output) the
 * normaliser reads.
 */
export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  /** `false` or absent: a closed message; `true` or a schema: open (a map, or any JSON). */
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly allOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
}

/** A body read as protojson reads it, with what was let pass; or why protojson refuses it. */
export type Normalized =
  | { readonly ok: true; readonly value: unknown; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly message: string; readonly warnings: readonly string[] };

class Refusal extends Error {}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const join = (path: string, name: string) => (path ? `${path}.${name}` : name);

/**
 * Reads a request body the way grpc-gateway's protojson unmarshaller does (`DiscardUnknown: true`),
 * guided by the request's JSON schema, and rewrites it into the canonical JSON form the strict
 * request schema describes. At every object level the schema defines:
 *
 * - a proto field name (`size_bytes`) is read as its JSON name (`sizeBytes`);
 * - an undeclared field is dropped (a map's keys, `additionalProperties` with a schema, are kept);
 * - `null` is "not set": the field is dropped;
 * - an int64 field (`format: int64` or `uint64`) given as a JSON number, or as a string holding a
 *   non-canonical JSON number (`"1e3"`), becomes its canonical decimal string.
 *
 * Each leniency used is reported as a warning. Refused, as protojson refuses them: a field given
 * under both of its names ("duplicate field"), and an int64 value that is not an integer, out of
 * range, or no number at all. Everything else (wrong types, missing fields) is left for the strict
 * request schema to report.
 */
export function normalizeProtoJson(schema: JsonSchema, body: unknown): Normalized {
  const warnings: string[] = [];
  const warn = (text: string) => {
    if (!warnings.includes(text)) warnings.push(text);
  };

  const resolve = (node: JsonSchema): JsonSchema => {
    let current = node;
    for (let hops = 0; current.$ref !== undefined; hops++) {
      if (hops > 32 || !current.$ref.startsWith('#/')) {
        throw new TypeError(`Cannot resolve $ref ${current.$ref}`);
      }
      let target: unknown = schema;
      for (const segment of current.$ref.slice(2).split('/')) {
        target = (target as Json | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
      }
      if (!isObject(target)) throw new TypeError(`Cannot resolve $ref ${current.$ref}`);
      current = target as JsonSchema;
    }
    return current;
  };

  /** The properties and openness of an object schema, `allOf` members merged in. */
  const objectView = (node: JsonSchema) => {
    const properties: Record<string, JsonSchema> = { ...node.properties };
    let additional = node.additionalProperties;
    for (const member of node.allOf ?? []) {
      const view = objectView(resolve(member));
      Object.assign(properties, view.properties);
      additional ??= view.additional;
    }
    return { properties, additional };
  };

  /** The branch of a `oneOf` whose single-valued (discriminator) properties the value matches. */
  const pickBranch = (branches: readonly JsonSchema[], value: Json): JsonSchema | undefined =>
    branches.find((branch) => {
      const tags = Object.entries(objectView(resolve(branch)).properties)
        .map(([name, property]) => [name, resolve(property)] as const)
        .filter(([, property]) => property.const !== undefined || property.enum?.length === 1);
      return (
        tags.length > 0 &&
        tags.every(([name, property]) => {
          const given = Object.hasOwn(value, name) ? value[name] : value[protoNameOf(name)];
          return given === (property.const ?? property.enum![0]);
        })
      );
    });

  const readInt64 = (node: JsonSchema, value: unknown, path: string): unknown => {
    const unsigned = node.format === 'uint64';
    const kind = unsigned ? 'uint64' : 'int64';
    let reading: Int64Reading | undefined;
    if (typeof value === 'number') {
      reading = int64FromNumber(value, unsigned);
      if (reading.ok) warn(`${kind} field ${path} given as a JSON number`);
    } else if (typeof value === 'string') {
      reading = int64FromString(value, unsigned);
      if (reading?.ok && reading.text !== value) {
        warn(
          `${kind} field ${path} given as "${value}": a real server reads it as ${reading.text}`,
        );
      }
    } else {
      // Booleans, objects, arrays: the strict schema names the wrong type.
      return value;
    }
    const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
    if (!reading) throw new Refusal(`invalid value for ${kind} field ${path}: ${shown}`);
    if (!reading.ok) {
      throw new Refusal(`invalid value for ${kind} field ${path}: ${shown} is ${reading.why}`);
    }
    return reading.text;
  };

  const walkObject = (node: JsonSchema, value: Json, path: string): Json => {
    const { properties, additional } = objectView(node);
    const byProtoName = new Map<string, string>();
    for (const name of Object.keys(properties)) {
      const protoName = protoNameOf(name);
      if (protoName !== name && !Object.hasOwn(properties, protoName)) {
        byProtoName.set(protoName, name);
      }
    }
    const out: Json = {};
    const givenAs = new Map<string, string>();
    for (const [key, item] of Object.entries(value)) {
      const name = Object.hasOwn(properties, key) ? key : byProtoName.get(key);
      if (name === undefined) {
        if (additional === true) out[key] = item;
        else if (isObject(additional)) {
          out[key] = walk(additional, item, `${path}[${JSON.stringify(key)}]`);
        } else warn(`unknown field ${join(path, key)}: a real server drops it`);
        continue;
      }
      const fieldPath = join(path, name);
      const earlier = givenAs.get(name);
      if (earlier !== undefined) {
        throw new Refusal(`duplicate field ${fieldPath}: given as "${earlier}" and as "${key}"`);
      }
      givenAs.set(name, key);
      if (key !== name) warn(`proto field name ${join(path, key)} accepted for ${fieldPath}`);
      if (item === null) {
        warn(`null for ${fieldPath}: a real server treats it as not set`);
        continue;
      }
      out[name] = walk(properties[name]!, item, fieldPath);
    }
    return out;
  };

  const walk = (input: JsonSchema, value: unknown, path: string): unknown => {
    const node = resolve(input);
    const branches = node.oneOf ?? node.anyOf;
    if (branches && isObject(value)) {
      const branch = pickBranch(branches, value);
      // No branch matches: the strict schema reports the discriminator.
      return branch ? walk(branch, value, path) : value;
    }
    if (node.format === 'int64' || node.format === 'uint64') return readInt64(node, value, path);
    if (Array.isArray(value) && node.items) {
      const items = node.items;
      return value.map((item, i) => walk(items, item, `${path}[${i}]`));
    }
    const view = objectView(node);
    const isObjectSchema =
      node.type === 'object' ||
      Object.keys(view.properties).length > 0 ||
      view.additional !== undefined;
    return isObject(value) && isObjectSchema ? walkObject(node, value, path) : value;
  };

  try {
    return { ok: true, value: walk(schema, body, ''), warnings };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, message: error.message, warnings };
    throw error;
  }
}
