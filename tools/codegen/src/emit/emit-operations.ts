import type { IrDocument, IrOperation } from '../ir/ir.js';
import { stringLiteral } from '../naming/identifiers.js';
import type { Naming } from '../naming/naming.js';
import { tsdoc } from './tsdoc.js';

/**
 * operations.ts: one descriptor per operation (plain `as const` objects, structurally assignable to
 * core-http's OperationDescriptor, which this file does not import), plus the `operations` record.
 * Schemas come from standard.ts (zod-free validators), so a client that imports one descriptor
 * bundles only its own small validators and no zod.
 */
export function emitOperations(ir: IrDocument, naming: Naming): string {
  const imports = new Set<string>();
  const blocks: string[] = [];
  for (const op of ir.operations) {
    const body = naming.operation(op, 'body');
    const response = naming.operation(op, 'response');
    if (body) imports.add(body);
    if (response) imports.add(response);
    const fields = [
      `operationId: ${stringLiteral(op.operationId)},`,
      `method: ${stringLiteral(op.method)},`,
      `path: ${stringLiteral(op.path)},`,
      `pathParams: [${op.pathParams.map((p) => stringLiteral(p.name)).join(', ')}],`,
      `queryParams: [${op.queryParams.map((p) => stringLiteral(p.name)).join(', ')}],`,
      `body: ${body ?? 'undefined'},`,
      `response: ${response ?? 'undefined'},`,
      ...(op.deprecated ? ['deprecated: true,'] : []),
    ];
    blocks.push(
      `${operationDoc(op)}export const ${op.exportName} = {\n${fields.join('\n')}\n} as const;`,
    );
  }
  const record = `/** Every operation of the document, by export name. */\nexport const operations = {\n${ir.operations
    .map((op) => `${op.exportName},`)
    .join('\n')}\n} as const;`;
  const head =
    imports.size > 0
      ? `import { ${[...imports].sort().join(', ')} } from './standard.js';\n\n`
      : '';
  return `${head}${blocks.join('\n\n')}\n\n${record}\n`;
}

/** TSDoc of a descriptor: summary, description, the route, notes on bodies; clients copy it. */
export function operationDoc(op: IrOperation): string {
  const success = op.responses.find((r) => r.status === op.successStatus);
  return tsdoc([
    op.summary,
    op.description !== op.summary && op.description,
    `\`${op.method} ${op.path}\``,
    op.otherBodyMediaTypes.length > 0 &&
      `Request body media types not covered by the schema: ${op.otherBodyMediaTypes.join(', ')}.`,
    success !== undefined &&
      success.schema === undefined &&
      success.otherMediaTypes.length > 0 &&
      `The ${success.status} response is ${success.otherMediaTypes.join(', ')}, not JSON: it has no response schema.`,
    op.deprecated && '@deprecated',
  ]);
}
