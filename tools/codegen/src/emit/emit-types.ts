import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPI3 } from 'openapi-typescript';
import type { IrDocument } from '../ir/ir.js';
import type { DocumentSet } from '../load/document-set.js';
import { bundleForTypes } from './bundle-for-types.js';

/**
 * types.ts: the `paths` / `components` / `operations` types of openapi-typescript, for users who
 * want the document's types without zod. It is given one bundled document (see bundleForTypes), so
 * multi-file documents and escaped pointers work, and component names match the zod modules.
 */
export async function emitTypes(docs: DocumentSet, ir: IrDocument): Promise<string> {
  const ast = await openapiTS(bundleForTypes(docs, ir) as unknown as OpenAPI3, { silent: true });
  return astToString(ast);
}
