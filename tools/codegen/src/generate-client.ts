import { clientMethods } from './client/client-methods.js';
import { emitResources } from './emit/emit-resources.js';
import { header } from './emit/header.js';
import { CodegenError } from './errors/codegen-error.js';
import { formatTypeScript } from './format.js';
import { writeGeneratedFiles } from './generate.js';
import { buildIr } from './ir/build-ir.js';
import { DocumentSet } from './load/document-set.js';
import { Naming } from './naming/naming.js';

/** Options of {@link generateClient}. */
export interface GenerateClientOptions {
  /** The OpenAPI 3.0/3.1 document (YAML or JSON): a file path or a `file:` URL. */
  input: string | URL;
  /**
   * Where the document's generated schemas are: a package subpath root
   * (`@upkit/schemas/cadenya`, from which `/operations` and `/standard` are imported) or a
   * relative directory (`../schemas`, whose `operations.js` and `standard-index.js` are imported).
   */
  schemasModule: string;
  /**
   * The prefix the schemas were generated with (their type names carry it).
   * @default ''
   */
  prefix?: string;
  /**
   * Path parameters the client fills in from `ctx.pathDefaults` when the caller gives none; they
   * move from positional arguments into `params`.
   * @default []
   */
  pathDefaults?: readonly string[];
  /**
   * Query parameters the client fills in from `ctx.queryDefaults` when the caller gives none.
   * @default []
   */
  queryDefaults?: readonly string[];
  /**
   * Where the core-http types (`APIPromise`, `OperationRequestOptions`…) are imported from.
   * @default '@upkit/core-http'
   */
  coreModule?: string;
  /** When set, `resources.ts` is also written there. */
  outDir?: string;
}

/** The file the client mode produces. */
export const CLIENT_FILES = ['resources.ts'] as const;

/**
 * Generates a client's `resources.ts`: resource classes named after `x-upkit-method` (see
 * `fallbackMethod` for operations without one), whose methods run the schemas package's operation
 * descriptors through a core-http-compatible context.
 */
export async function generateClient(
  options: GenerateClientOptions,
): Promise<{ files: Map<string, string> }> {
  const docs = await DocumentSet.load(options.input);
  const ir = buildIr(docs);
  const naming = new Naming(ir, options.prefix ?? '');
  const pathDefaults = options.pathDefaults ?? [];
  const queryDefaults = options.queryDefaults ?? [];
  for (const [flag, names, where] of [
    ['--client-path-default', pathDefaults, 'pathParams'],
    ['--client-query-default', queryDefaults, 'queryParams'],
  ] as const) {
    for (const name of names) {
      if (!ir.operations.some((op) => op[where].some((p) => p.name === name))) {
        throw new CodegenError(`${flag} ${name}: no operation has a parameter of that name`);
      }
    }
  }
  const code = emitResources(ir, naming, clientMethods(ir), {
    schemasModule: options.schemasModule,
    coreModule: options.coreModule ?? '@upkit/core-http',
    pathDefaults,
    queryDefaults,
  });
  const files = new Map([
    ['resources.ts', await formatTypeScript(`${header(ir.sourceName)}\n${code}`)],
  ]);
  if (options.outDir !== undefined) await writeGeneratedFiles(files, options.outDir);
  return { files };
}
