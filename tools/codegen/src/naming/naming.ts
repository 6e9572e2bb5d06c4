import { CodegenError } from '../errors/codegen-error.js';
import type { IrDocument, IrOperation } from '../ir/ir.js';
import { pascalCase } from '../naming/identifiers.js';

/** Which side of the wire a schema validates. */
export type Direction = 'response' | 'request';

/**
 * The exported names of one generated document, shared by all emitters so that operations.ts,
 * mini.ts and classic.ts agree. The scheme (documented in the README):
 *
 * - component `Upload` → `Upload` (loose, for responses) and, when requests reach it too,
 *   `UploadRequest` (strict); a component that only requests reach has just the strict schema,
 *   under its own name (so `CreateUploadRequest` stays `CreateUploadRequest`);
 * - operation `getUpload` → `GetUploadPathParams`, `GetUploadQueryParams`, `GetUploadBody`,
 *   `GetUploadResponse200` (one per documented status with a JSON body), `GetUploadResponse`
 *   (the success one); the descriptor is `getUpload`;
 * - enum or discriminated union `UploadStatus` → `UploadStatusValues`/`UploadStatusTags`,
 *   `KnownUploadStatus`, `isKnownUploadStatus` in enums.ts.
 *
 * `prefix` goes in front of every schema, type and enum name (`CadenyaUpload`,
 * `KnownCadenyaUploadStatus`); operation descriptors keep their own names. A name already taken
 * gets a number (`UploadRequest2`), so output never fails on an unlucky document.
 */
export class Naming {
  private readonly taken = new Set<string>();
  private readonly componentNames = new Map<string, { response?: string; request?: string }>();
  private readonly operationNames = new Map<string, Record<string, string>>();

  constructor(
    ir: IrDocument,
    private readonly prefix = '',
  ) {
    for (const c of ir.components) this.claim(`${prefix}${c.key}`, true);
    for (const c of ir.components) {
      const own = `${prefix}${c.key}`;
      if (!c.inResponse) this.componentNames.set(c.key, { request: own });
      else if (!c.inRequest) this.componentNames.set(c.key, { response: own });
      else this.componentNames.set(c.key, { response: own, request: this.claim(`${own}Request`) });
    }
    for (const op of ir.operations) {
      const names: Record<string, string> = {};
      const base = `${prefix}${op.typeName}`;
      if (op.pathParams.length > 0) names.pathParams = this.claim(`${base}PathParams`);
      if (op.queryParams.length > 0) names.queryParams = this.claim(`${base}QueryParams`);
      if (op.body) names.body = this.claim(`${base}Body`);
      for (const r of op.responses) {
        if (r.schema)
          names[`response:${r.status}`] = this.claim(`${base}Response${statusSuffix(r.status)}`);
      }
      const success = op.responses.find((r) => r.status === op.successStatus);
      if (success?.schema) names.response = this.claim(`${base}Response`);
      this.operationNames.set(op.operationId, names);
    }
  }

  private claim(name: string, exact = false): string {
    let candidate = name;
    if (exact && this.taken.has(candidate)) {
      throw new CodegenError(`Two components are both named ${name}`);
    }
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${name}${n}`;
    this.taken.add(candidate);
    return candidate;
  }

  /** The export of a component's schema in the given direction. */
  component(key: string, direction: Direction): string {
    const names = this.componentNames.get(key);
    if (names === undefined) throw new CodegenError(`Unknown component ${key}`);
    const name = direction === 'response' ? names.response : names.request;
    if (name === undefined) throw new CodegenError(`Component ${key} has no ${direction} schema`);
    return name;
  }

  /** The export of an operation-level schema (`pathParams`, `body`, `response:200`, `response`). */
  operation(op: IrOperation, part: string): string | undefined {
    return this.operationNames.get(op.operationId)?.[part];
  }

  /** `UploadStatusValues` */
  enumValues(name: string): string {
    return `${this.prefix}${name}Values`;
  }

  /** `KnownUploadStatus` */
  known(name: string): string {
    return `Known${this.prefix}${name}`;
  }

  /** `isKnownUploadStatus` */
  guard(name: string): string {
    return `isKnown${this.prefix}${name}`;
  }

  /** `AIProviderConfigTags` */
  unionTags(name: string): string {
    return `${this.prefix}${name}Tags`;
  }

  /** Every schema-module name (components and operation schemas). */
  isTaken(name: string): boolean {
    return this.taken.has(name);
  }
}

/** `200` → `200`, `default` → `Default`, `4XX` → `4XX`. */
function statusSuffix(status: string): string {
  return /^[0-9]/.test(status) ? status.toUpperCase() : pascalCase(status);
}
