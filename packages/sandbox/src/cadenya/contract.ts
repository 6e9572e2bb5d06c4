/**
 * Every use of the Cadenya schemas, in one place. The sandbox validates what it receives with the
 * strict request schemas (after reading it as Cadenya's protojson gateway does, unless strict) and
 * what it sends with the response schemas.
 */
import {
  CadenyaMemoryServiceCreateMemoryEntryBody,
  CadenyaMemoryServiceCreateMemoryEntryResponse,
  CadenyaStatus,
  CadenyaUploadServiceCreateUploadBody,
  CadenyaUploadServiceCreateUploadResponse,
  CadenyaUploadServiceGetUploadResponse,
} from '@upkit/schemas/cadenya/classic';
import { bodyCheck, responseCheck, validateWith } from '../contract-validation.js';
import type { SchemaLike, Validation } from '../contract-validation.js';
import { normalizeProtoJson } from '../protojson/protojson-normalize.js';
import type { JsonSchema } from '../protojson/protojson-normalize.js';

export type CadenyaCreateUploadInput = CadenyaUploadServiceCreateUploadBody;
export type CadenyaCreateMemoryEntryInput = CadenyaMemoryServiceCreateMemoryEntryBody;

/** A received body checked, with the protojson leniencies that let it pass (none when strict). */
export type Received<T> = Validation<T> & { readonly warnings: readonly string[] };

/** Which reading of a body: protojson's (the real service), or the document's exact wire format. */
export interface ReadOptions {
  /** Refuse what the strict request schema refuses, even where protojson would let it pass. */
  readonly strict: boolean;
}

/**
 * Marks the int64 fields of a request's JSON schema with `format: int64`, by their path in the
 * body. Neither Cadenya's document nor ours marks them (the vendor's generator writes an int64 as a
 * bare `type: string`), so they are named here; a path the schema lacks is a drift, and throws.
 */
function withInt64Fields(schema: JsonSchema, paths: readonly string[]): JsonSchema {
  const mark = (node: JsonSchema, [name, ...rest]: readonly string[], path: string): JsonSchema => {
    if (name === undefined) return { ...node, format: 'int64' };
    const property = node.properties?.[name];
    if (!property) throw new TypeError(`The request schema has no ${path}${name}`);
    return {
      ...node,
      properties: { ...node.properties, [name]: mark(property, rest, `${path}${name}.`) },
    };
  };
  return paths.reduce((marked, path) => mark(marked, path.split('.'), ''), schema);
}

/** The JSON schema of a request body, as the generated (strict) schema describes it. */
function requestJsonSchema(schema: { toJSONSchema(params: { io: 'input' }): unknown }) {
  return schema.toJSONSchema({ io: 'input' }) as JsonSchema;
}

const CREATE_UPLOAD_JSON = withInt64Fields(
  requestJsonSchema(CadenyaUploadServiceCreateUploadBody),
  ['spec.sizeBytes'],
);
const CREATE_MEMORY_ENTRY_JSON = requestJsonSchema(CadenyaMemoryServiceCreateMemoryEntryBody);

function receive<T>(
  schema: SchemaLike<T>,
  json: JsonSchema,
  body: unknown,
  options: ReadOptions,
): Received<T> {
  if (options.strict) {
    const result = validateWith(schema, body);
    if (result.ok) return { ...result, warnings: [] };
    // Say so when only strict mode refuses it: the client may be fine against the real service.
    const normalized = normalizeProtoJson(json, body);
    const lenient =
      normalized.ok && normalized.warnings.length > 0
        ? validateWith(schema, normalized.value)
        : undefined;
    const note = lenient?.ok
      ? ` (strict mode; the real service accepts this body: ${normalized.warnings.join('; ')})`
      : '';
    return { ...result, message: result.message + note, warnings: [] };
  }
  const normalized = normalizeProtoJson(json, body);
  if (!normalized.ok) return normalized;
  return { ...validateWith(schema, normalized.value), warnings: normalized.warnings };
}

/** Reads and validates an `UploadService_CreateUpload` body. */
export function parseCreateUploadBody(
  body: unknown,
  options: ReadOptions,
): Received<CadenyaCreateUploadInput> {
  return receive(CadenyaUploadServiceCreateUploadBody, CREATE_UPLOAD_JSON, body, options);
}

/** Reads and validates a `MemoryService_CreateMemoryEntry` body. */
export function parseCreateMemoryEntryBody(
  body: unknown,
  options: ReadOptions,
): Received<CadenyaCreateMemoryEntryInput> {
  return receive(
    CadenyaMemoryServiceCreateMemoryEntryBody,
    CREATE_MEMORY_ENTRY_JSON,
    body,
    options,
  );
}

/** Checks an outgoing answer of the given operation. */
export const assertCadenyaResponse = responseCheck({
  UploadService_CreateUpload: CadenyaUploadServiceCreateUploadResponse,
  UploadService_GetUpload: CadenyaUploadServiceGetUploadResponse,
  MemoryService_CreateMemoryEntry: CadenyaMemoryServiceCreateMemoryEntryResponse,
});

/** Checks an outgoing `google.rpc.Status` error body. */
export const assertStatusBody = bodyCheck(CadenyaStatus, 'Cadenya Status body');
