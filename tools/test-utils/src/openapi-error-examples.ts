import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

type Json = Record<string, unknown>;

/** One example of an error response of an operation. */
export interface ErrorResponseExample {
  readonly operationId: string;
  /** The response's key in the document: `'404'`, `'default'`… */
  readonly status: string;
  /** The component it comes from (`NotFound`), or the example's name, for test titles. */
  readonly name: string;
  /** The example body. */
  readonly body: Json;
}

function resolve(doc: Json, node: Json): Json {
  let current = node;
  for (let hops = 0; typeof current['$ref'] === 'string'; hops++) {
    if (hops > 32) throw new Error(`$ref loop at ${String(current['$ref'])}`);
    let target: unknown = doc;
    for (const segment of (current['$ref'] as string).replace(/^#\//, '').split('/')) {
      target = (target as Json | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    if (typeof target !== 'object' || target === null) {
      throw new Error(`Unresolved $ref ${String(current['$ref'])}`);
    }
    current = target as Json;
  }
  return current;
}

/**
 * Every example of every non-2xx JSON response (including `default`) of every operation of an
 * OpenAPI document: the media type's `example` and its named `examples` (`$ref`s resolved).
 */
export function errorResponseExamples(documentPath: string): ErrorResponseExample[] {
  const doc = parse(readFileSync(documentPath, 'utf8')) as Json;
  const out: ErrorResponseExample[] = [];
  for (const item of Object.values(doc['paths'] as Record<string, Json>)) {
    for (const operation of Object.values(item) as Json[]) {
      if (typeof operation?.['operationId'] !== 'string') continue;
      const responses = (operation['responses'] ?? {}) as Record<string, Json>;
      for (const [status, reference] of Object.entries(responses)) {
        if (/^2/.test(status)) continue;
        const component =
          typeof reference['$ref'] === 'string'
            ? (reference['$ref'] as string).split('/').at(-1)!
            : status;
        const response = resolve(doc, reference);
        const media = (response['content'] as Record<string, Json> | undefined)?.[
          'application/json'
        ];
        if (!media) continue;
        const push = (name: string, body: unknown) => {
          out.push({
            operationId: operation['operationId'] as string,
            status,
            name,
            body: body as Json,
          });
        };
        if (media['example'] !== undefined) push(component, media['example']);
        for (const [name, example] of Object.entries(
          (media['examples'] ?? {}) as Record<string, Json>,
        )) {
          push(`${component}/${name}`, resolve(doc, example)['value']);
        }
      }
    }
  }
  return out;
}
