import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { emitEntry, type EntrySource } from './emit/emit-entry.js';
import { emitEnums } from './emit/emit-enums.js';
import { emitInt64 } from './emit/emit-int64.js';
import { emitOperations } from './emit/emit-operations.js';
import { emitStandardRuntime } from './emit/emit-standard-runtime.js';
import { emitTypes } from './emit/emit-types.js';
import { emitZodModule } from './emit/emit-zod-module.js';
import { header } from './emit/header.js';
import { standardDialect } from './emit/standard-dialect.js';
import { zodClassicDialect } from './emit/zod-classic-dialect.js';
import { zodMiniDialect } from './emit/zod-mini-dialect.js';
import { formatTypeScript } from './format.js';
import { buildIr } from './ir/build-ir.js';
import { DocumentSet } from './load/document-set.js';
import { Naming } from './naming/naming.js';

/** Options of {@link generate}. */
export interface GenerateOptions {
  /** The OpenAPI 3.0/3.1 document (YAML or JSON): a file path or a `file:` URL. */
  input: string | URL;
  /** When set, the files are also written there (the directory is created if needed). */
  outDir?: string;
  /**
   * Put in front of every schema, type and enum name (`Cadenya` → `CadenyaUpload`). Operation
   * descriptors keep their names.
   * @default ''
   */
  prefix?: string;
  /**
   * Skip prettier (faster; the output is valid but not formatted).
   * @default false
   */
  skipFormat?: boolean;
}

/** What {@link generate} produced. */
export interface GenerateResult {
  /** File name (e.g. `mini.ts`) → content, in a fixed order. */
  files: Map<string, string>;
}

/** The files of one generated document, in the order they are produced. */
export const GENERATED_FILES = [
  'mini.ts',
  'classic.ts',
  'standard.ts',
  'standard-runtime.ts',
  'enums.ts',
  'operations.ts',
  'types.ts',
  'int64.ts',
  'index.ts',
  'classic-index.ts',
  'standard-index.ts',
] as const;

/**
 * The generated modules behind each entry file; `index.ts` serves zod/mini, `classic-index.ts`
 * classic zod, `standard-index.ts` the zod-free validators.
 */
const ENTRY_SOURCES = {
  'index.ts': ['mini.ts', 'enums.ts', 'int64.ts', 'types.ts'],
  'classic-index.ts': ['classic.ts', 'enums.ts', 'int64.ts', 'types.ts'],
  'standard-index.ts': ['standard.ts', 'enums.ts', 'int64.ts', 'types.ts', 'standard-runtime.ts'],
} as const;

/**
 * What the standard entry re-exports from the runtime: the Standard Schema types, unless the
 * document already uses the name. The validators themselves stay internal.
 */
const RUNTIME_EXPORTS = ['StandardSchemaV1'];

/** openapi-typescript's lower-case roots, renamed so that they read well beside the schemas. */
const TYPES_RENAMES = {
  paths: 'Paths',
  components: 'Components',
  operations: 'OperationTypes',
  webhooks: 'Webhooks',
  $defs: 'Defs',
} as const;

/**
 * Generates zod/mini and classic zod schemas, enums with guards, operation descriptors,
 * openapi-typescript types and the int64 helpers for one OpenAPI document.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const docs = await DocumentSet.load(options.input);
  const ir = buildIr(docs);
  const naming = new Naming(ir, options.prefix ?? '');
  const top = header(ir.sourceName);
  type ModuleFile = Exclude<(typeof GENERATED_FILES)[number], keyof typeof ENTRY_SOURCES>;
  const raw: Record<ModuleFile, string | Promise<string>> = {
    'mini.ts': emitZodModule(ir, naming, zodMiniDialect),
    'classic.ts': emitZodModule(ir, naming, zodClassicDialect),
    'standard.ts': emitZodModule(ir, naming, standardDialect),
    'standard-runtime.ts': emitStandardRuntime(),
    'enums.ts': emitEnums(ir, naming),
    'operations.ts': emitOperations(ir, naming),
    'types.ts': emitTypes(docs, ir),
    'int64.ts': emitInt64(),
  };
  const finish = (code: string) => {
    const withHeader = `${top}\n${code}`;
    return options.skipFormat ? withHeader : formatTypeScript(withHeader);
  };
  const modules = new Map<string, string>();
  await Promise.all(
    (Object.keys(raw) as ModuleFile[]).map(async (name) => {
      modules.set(name, await finish(await raw[name]));
    }),
  );
  const prefix = options.prefix ?? '';
  const typesRename = Object.fromEntries(
    Object.entries(TYPES_RENAMES).map(([from, to]) => [from, `${prefix}${to}`]),
  );
  for (const [entry, sources] of Object.entries(ENTRY_SOURCES)) {
    const entrySources: EntrySource[] = sources.map((file) => ({
      file,
      content: modules.get(file)!,
      ...(file === 'types.ts' ? { rename: typesRename } : {}),
      ...(file === 'standard-runtime.ts' ? { only: RUNTIME_EXPORTS, skipTaken: true } : {}),
    }));
    modules.set(entry, await finish(emitEntry(entrySources)));
  }
  const files = new Map<string, string>(GENERATED_FILES.map((name) => [name, modules.get(name)!]));
  if (options.outDir !== undefined) await writeGeneratedFiles(files, options.outDir);
  return { files };
}

/** Writes generated files into `outDir`, creating it when missing. */
export async function writeGeneratedFiles(
  files: ReadonlyMap<string, string>,
  outDir: string,
): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await Promise.all([...files].map(([name, content]) => writeFile(join(outDir, name), content)));
}
