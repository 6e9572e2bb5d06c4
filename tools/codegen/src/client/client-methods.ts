import { CodegenError } from '../errors/codegen-error.js';
import type { IrDocument, IrOperation } from '../ir/ir.js';
import { camelCase } from '../naming/identifiers.js';

/** Where an operation sits in the client: `client.memoryLayers.entries.create(…)`. */
export interface ClientMethod {
  readonly op: IrOperation;
  /** The resource path, e.g. `['memoryLayers', 'entries']`. */
  readonly resource: readonly string[];
  /** The method name, e.g. `create`. */
  readonly name: string;
}

/** A resource of the client: its methods and sub-resources. */
export interface ResourceNode {
  readonly path: readonly string[];
  readonly methods: ClientMethod[];
  readonly children: Map<string, ResourceNode>;
}

/** Names a resource member cannot take. */
const FORBIDDEN = new Set(['constructor', 'prototype', '__proto__']);

/**
 * The client method of an operation when its document gives no `x-upkit-method`:
 * - resource: the operation's first tag, camelCased (`Uploads` → `uploads`, `Memory Entries` →
 *   `memoryEntries`); without tags, the last path segment that is not a parameter
 *   (`/v1/workspaces/{workspaceId}/uploads/{id}` → `uploads`);
 * - method: the operationId's part after its last `_` or `.`, camelCased
 *   (`UploadService_GetUpload` → `getUpload`, `createUpload` → `createUpload`).
 */
export function fallbackMethod(op: IrOperation): string {
  const tag = op.tags[0];
  const segment = op.path
    .split('/')
    .filter((s) => s !== '' && !s.startsWith('{'))
    .pop();
  const resource = camelCase(tag ?? segment ?? 'default');
  const name = camelCase(op.operationId.split(/[_.]/).pop() ?? op.operationId);
  return `${resource}.${name}`;
}

/**
 * Every operation's place in the client, from `x-upkit-method` or {@link fallbackMethod}, checked:
 * two operations cannot share a method, and a resource cannot have a method and a sub-resource of
 * the same name.
 */
export function clientMethods(ir: IrDocument): ResourceNode {
  const root: ResourceNode = { path: [], methods: [], children: new Map() };
  const byPath = new Map<string, IrOperation>();
  for (const op of ir.operations) {
    const dotted = op.clientMethod ?? fallbackMethod(op);
    const segments = dotted.split('.');
    for (const segment of segments) {
      if (FORBIDDEN.has(segment)) {
        throw new CodegenError(`${op.operationId}: "${segment}" cannot name a client method`);
      }
    }
    const clash = byPath.get(dotted);
    if (clash) {
      throw new CodegenError(
        `${clash.operationId} and ${op.operationId} would both be the client method ${dotted}: give one an x-upkit-method`,
      );
    }
    byPath.set(dotted, op);
    const name = segments.pop()!;
    let node = root;
    for (const segment of segments) {
      let child = node.children.get(segment);
      if (!child) {
        child = { path: [...node.path, segment], methods: [], children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.methods.push({ op, resource: node.path, name });
  }
  const check = (node: ResourceNode) => {
    for (const method of node.methods) {
      if (node.children.has(method.name)) {
        throw new CodegenError(
          `${[...node.path, method.name].join('.')} is both a method (${method.op.operationId}) and a resource`,
        );
      }
    }
    node.children.forEach(check);
  };
  check(root);
  return root;
}
