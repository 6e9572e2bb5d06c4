import { CodegenError } from '../errors/codegen-error.js';
import type { DocumentSet, Located } from '../load/document-set.js';
import { displayLocation } from '../load/document-set.js';
import { camelCase, pascalCase } from '../naming/identifiers.js';
import type { IrMethod, IrOperation, IrParameter, IrResponse } from './ir.js';
import type { SchemaConverter } from './schema-converter.js';

type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** Methods of the operation-descriptor contract; OPTIONS and TRACE operations are skipped. */
const SUPPORTED: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** `application/json`, `application/problem+json`, `application/json; charset=utf-8`… */
export function isJsonMediaType(mediaType: string): boolean {
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^[a-z]+\/[^;]*\+json$/.test(type) || type === '*/*';
}

/** Converts every operation of the root document, in document order. */
export function convertOperations(docs: DocumentSet, converter: SchemaConverter): IrOperation[] {
  const paths = docs.child(docs.root, 'paths');
  const operations: IrOperation[] = [];
  const exportNames = new Set<string>();
  const ids = new Set<string>();
  for (const path of Object.keys((paths.value as Json | undefined) ?? {})) {
    const item = docs.deref(docs.child(paths, path));
    const itemParams = listParameters(docs, docs.child(item, 'parameters'));
    for (const method of Object.keys(item.value as Json)) {
      if (!METHODS.includes(method)) continue;
      const upper = method.toUpperCase();
      if (!SUPPORTED.has(upper)) continue;
      const opNode = docs.child(item, method) as Located<Json>;
      const op = opNode.value;
      const operationId =
        typeof op.operationId === 'string' ? op.operationId : camelCase(`${method} ${path}`);
      if (ids.has(operationId)) {
        throw new CodegenError(`Duplicate operationId "${operationId}"`, displayLocation(opNode));
      }
      ids.add(operationId);
      let exportName = camelCase(operationId);
      for (let n = 2; exportNames.has(exportName); n++)
        exportName = `${camelCase(operationId)}${n}`;
      exportNames.add(exportName);
      const typeName = exportName.charAt(0).toUpperCase() + exportName.slice(1);

      const params = new Map<string, Located<Json>>();
      for (const p of [...itemParams, ...listParameters(docs, docs.child(opNode, 'parameters'))]) {
        params.set(`${String(p.value.in)}:${String(p.value.name)}`, p);
      }
      const templateNames = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      const pathParams: IrParameter[] = templateNames.map((name) => {
        const p = params.get(`path:${name}`);
        if (p === undefined) {
          return { name, in: 'path', required: true, schema: stringSchema(), docs: {} };
        }
        return parameter(converter, docs, p, typeName, true);
      });
      const queryParams = [...params.values()]
        .filter((p) => p.value.in === 'query')
        .map((p) => parameter(converter, docs, p, typeName, p.value.required === true));

      let body: IrOperation['body'];
      let otherBodyMediaTypes: string[] = [];
      if (op.requestBody !== undefined) {
        const rb = docs.deref(docs.child(opNode, 'requestBody')) as Located<Json>;
        const content = docs.child(rb, 'content');
        const mediaTypes = Object.keys((content.value as Json | undefined) ?? {});
        const json = mediaTypes.find(isJsonMediaType);
        otherBodyMediaTypes = mediaTypes.filter((m) => m !== json);
        if (json !== undefined) {
          body = {
            schema: converter.convert(docs.child(content, json, 'schema'), `${typeName}Body`),
            required: rb.value.required === true,
            ...(typeof rb.value.description === 'string'
              ? { description: rb.value.description }
              : {}),
          };
        }
      }

      const responses: IrResponse[] = [];
      const responsesNode = docs.child(opNode, 'responses');
      for (const status of Object.keys((responsesNode.value as Json | undefined) ?? {})) {
        const response = docs.deref(docs.child(responsesNode, status)) as Located<Json>;
        const content = docs.child(response, 'content');
        const mediaTypes = Object.keys((content.value as Json | undefined) ?? {});
        const json = mediaTypes.find(isJsonMediaType);
        const hasSchema =
          json !== undefined && docs.child(content, json, 'schema').value !== undefined;
        responses.push({
          status,
          ...(typeof response.value.description === 'string'
            ? { description: response.value.description }
            : {}),
          ...(hasSchema
            ? {
                schema: converter.convert(
                  docs.child(content, json, 'schema'),
                  `${typeName}Response${pascalCase(status)}`,
                ),
              }
            : {}),
          otherMediaTypes: mediaTypes.filter((m) => m !== json),
        });
      }
      const success = responses
        .map((r) => r.status)
        .filter((s) => /^2(\d\d|XX)$/i.test(s))
        .sort()[0];

      operations.push({
        operationId,
        typeName,
        exportName,
        method: upper as IrMethod,
        path,
        ...(typeof op.summary === 'string' ? { summary: op.summary } : {}),
        ...(typeof op.description === 'string' ? { description: op.description } : {}),
        deprecated: op.deprecated === true,
        tags: Array.isArray(op.tags)
          ? op.tags.filter((t): t is string => typeof t === 'string')
          : [],
        ...(op['x-upkit-method'] !== undefined
          ? { clientMethod: clientMethodOf(op['x-upkit-method'], opNode) }
          : {}),
        pathParams,
        queryParams,
        ...(body ? { body } : {}),
        otherBodyMediaTypes,
        responses,
        ...(success !== undefined ? { successStatus: success } : {}),
      });
    }
  }
  return operations;
}

/** Checks an `x-upkit-method` value: dot-separated identifiers, at least `resource.method`. */
function clientMethodOf(value: unknown, node: Located): string {
  if (typeof value !== 'string' || !/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/.test(value)) {
    throw new CodegenError(
      `x-upkit-method must be "resource.method" (dot-separated identifiers), got ${JSON.stringify(value)}`,
      displayLocation(node),
    );
  }
  return value;
}

function listParameters(docs: DocumentSet, node: Located): Located<Json>[] {
  if (!Array.isArray(node.value)) return [];
  return node.value.map((_, i) => docs.deref(docs.child(node, String(i))) as Located<Json>);
}

function parameter(
  converter: SchemaConverter,
  docs: DocumentSet,
  p: Located<Json>,
  typeName: string,
  required: boolean,
): IrParameter {
  const name = String(p.value.name);
  let schemaNode = docs.child(p, 'schema');
  if (schemaNode.value === undefined && p.value.content !== undefined) {
    const content = docs.child(p, 'content');
    const first = Object.keys(content.value as Json)[0];
    if (first !== undefined) schemaNode = docs.child(content, first, 'schema');
  }
  const schema = converter.convert(schemaNode, `${typeName}${pascalCase(name)}`);
  return {
    name,
    in: p.value.in as 'path' | 'query',
    required,
    schema,
    docs: {
      ...(typeof p.value.description === 'string' ? { description: p.value.description } : {}),
      ...(p.value.deprecated === true ? { deprecated: true } : {}),
    },
  };
}

function stringSchema(): IrParameter['schema'] {
  return { kind: 'string', nullable: false, docs: {} };
}
