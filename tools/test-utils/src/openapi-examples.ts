import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { examples?: Record<string, unknown> }> }>;
}

/**
 * The names of the named examples of an operation's 200 JSON response in an OpenAPI document: what
 * Prism answers with when asked for `Prefer: example=<name>`.
 */
export function responseExampleNames(documentPath: string, operationId: string): string[] {
  const doc = parse(readFileSync(documentPath, 'utf8')) as {
    paths: Record<string, Record<string, Operation>>;
  };
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item)) {
      if (op.operationId === operationId) {
        return Object.keys(op.responses['200']?.content?.['application/json']?.examples ?? {});
      }
    }
  }
  throw new Error(`${documentPath}: no operation ${operationId}`);
}
