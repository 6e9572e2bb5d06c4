import { CodegenError } from '../errors/codegen-error.js';
import type { DocumentSet } from '../load/document-set.js';
import { displayFile } from '../load/document-set.js';
import { orderComponents } from './component-order.js';
import type { IrComponent, IrDocument, IrSchema } from './ir.js';
import { convertOperations } from './operations.js';
import { SchemaConverter } from './schema-converter.js';
import { forEachRef, forEachRequestRef } from './walk-refs.js';

/** Builds the intermediate model of a loaded document: components, then operations. */
export function buildIr(docs: DocumentSet): IrDocument {
  const root = docs.root.value as Record<string, unknown> | undefined;
  const version = typeof root?.openapi === 'string' ? root.openapi : undefined;
  if (version === undefined || !/^3\.[01]\./.test(version)) {
    throw new CodegenError(
      `Expected an OpenAPI 3.0 or 3.1 document, found openapi: ${String(version)}`,
      displayFile(docs.rootFile),
    );
  }
  const converter = new SchemaConverter(docs);
  converter.registerRootComponents();
  converter.convertAllComponents();
  const operations = convertOperations(docs, converter);
  // Operations may have reached components in other files: convert those too.
  const schemas = converter.componentSchemas();

  const graph = new Map<string, Set<string>>();
  for (const [key, schema] of schemas) {
    const edges = new Set<string>();
    forEachRef(schema, (c) => edges.add(c));
    graph.set(key, edges);
  }
  const { order, cycles } = orderComponents(graph);

  const requestRoots: IrSchema[] = [];
  for (const op of operations) {
    if (op.body) requestRoots.push(op.body.schema);
    for (const p of [...op.pathParams, ...op.queryParams]) requestRoots.push(p.schema);
  }
  const inRequest = new Set<string>();
  const visit = (key: string) => {
    if (inRequest.has(key)) return;
    inRequest.add(key);
    forEachRequestRef(schemas.get(key)!, visit);
  };
  for (const schema of requestRoots) forEachRequestRef(schema, visit);

  const inResponse = new Set<string>();
  const visitResponse = (key: string) => {
    if (inResponse.has(key)) return;
    inResponse.add(key);
    forEachRef(schemas.get(key)!, visitResponse);
  };
  for (const op of operations) {
    for (const r of op.responses) if (r.schema) forEachRef(r.schema, visitResponse);
  }
  for (const key of schemas.keys()) if (!inRequest.has(key)) visitResponse(key);

  const components: IrComponent[] = order.map((key) => ({
    key,
    schema: schemas.get(key)!,
    inRequest: inRequest.has(key),
    inResponse: inResponse.has(key),
    cycle: cycles.get(key) ?? [],
  }));
  return {
    sourceName: displayFile(docs.rootFile),
    openapi: version.startsWith('3.0') ? '3.0' : '3.1',
    components,
    operations,
    componentSources: converter.componentLocations(),
  };
}
