import { compareWithDirectory, isClean } from './check.js';
import { CodegenError } from './errors/codegen-error.js';
import { generate, writeGeneratedFiles } from './generate.js';
import { generateClient } from './generate-client.js';
import { VERSION } from './version.js';

const USAGE = `Usage: upkit-codegen <spec> --out <dir> [--prefix <Name>] [--check]
       upkit-codegen <spec> --client --out <dir> --schemas-module <module> [--prefix <Name>]
                     [--client-path-default <name>]... [--client-query-default <name>]... [--check]

Generates zod/mini and classic zod schemas, zod-free standard validators, enums with guards,
operation descriptors, openapi-typescript types and int64 helpers from an OpenAPI 3.0/3.1
document (YAML or JSON). With --client, generates a client's resources.ts instead.

  --out <dir>                    output directory (created when missing)
  --prefix <Name>                put Name in front of every schema, type and enum name
  --check                        write nothing; exit 1 and list the files that differ from a
                                 fresh generation
  --client                       generate resources.ts (resource classes over core-http)
  --schemas-module <module>      where the schemas were generated: a package subpath root
                                 (@upkit/schemas/cadenya) or a relative directory
  --client-path-default <name>   a path parameter the client fills in (repeatable)
  --client-query-default <name>  a query parameter the client fills in (repeatable)
  --core-module <module>         where the core-http types come from (default @upkit/core-http)
  --version                      print the version
`;

/** Where the CLI writes; injected so tests can capture it. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

interface CliArgs {
  spec: string;
  out: string;
  prefix: string;
  check: boolean;
  client: boolean;
  schemasModule: string | undefined;
  coreModule: string | undefined;
  pathDefaults: string[];
  queryDefaults: string[];
}

function parseArgs(argv: readonly string[]): CliArgs | string {
  let spec: string | undefined;
  let out: string | undefined;
  let prefix = '';
  let check = false;
  let client = false;
  let schemasModule: string | undefined;
  let coreModule: string | undefined;
  const pathDefaults: string[] = [];
  const queryDefaults: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new CodegenError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--out' || arg === '-o') out = value();
    else if (arg.startsWith('--out=')) out = arg.slice(6);
    else if (arg === '--prefix') prefix = value();
    else if (arg.startsWith('--prefix=')) prefix = arg.slice(9);
    else if (arg === '--check') check = true;
    else if (arg === '--client') client = true;
    else if (arg === '--schemas-module') schemasModule = value();
    else if (arg === '--core-module') coreModule = value();
    else if (arg === '--client-path-default') pathDefaults.push(value());
    else if (arg === '--client-query-default') queryDefaults.push(value());
    else if (arg.startsWith('-')) return `Unknown option ${arg}`;
    else if (spec === undefined) spec = arg;
    else return `Unexpected argument ${arg}`;
  }
  if (spec === undefined) return 'Missing <spec>';
  if (out === undefined) return 'Missing --out <dir>';
  if (client && schemasModule === undefined) return '--client needs --schemas-module <module>';
  if (
    !client &&
    (schemasModule ?? coreModule ?? pathDefaults[0] ?? queryDefaults[0]) !== undefined
  ) {
    return '--schemas-module, --core-module and --client-*-default need --client';
  }
  return {
    spec,
    out,
    prefix,
    check,
    client,
    schemasModule,
    coreModule,
    pathDefaults,
    queryDefaults,
  };
}

/**
 * Runs the CLI and resolves to its exit code: 0 on success, 1 when `--check` finds differences,
 * 2 on usage or input errors.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  if (argv.includes('--version')) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  try {
    const args = parseArgs(argv);
    if (typeof args === 'string') {
      io.stderr(`${args}\n\n${USAGE}`);
      return 2;
    }
    const { files } = args.client
      ? await generateClient({
          input: args.spec,
          prefix: args.prefix,
          schemasModule: args.schemasModule!,
          pathDefaults: args.pathDefaults,
          queryDefaults: args.queryDefaults,
          ...(args.coreModule === undefined ? {} : { coreModule: args.coreModule }),
        })
      : await generate({ input: args.spec, prefix: args.prefix });
    if (!args.check) {
      await writeGeneratedFiles(files, args.out);
      io.stdout(`Generated ${files.size} files in ${args.out}\n`);
      return 0;
    }
    const result = await compareWithDirectory(files, args.out);
    if (isClean(result)) {
      io.stdout(`${args.out} is up to date\n`);
      return 0;
    }
    const lines = [
      ...result.changed.map((f) => `  changed: ${f}`),
      ...result.missing.map((f) => `  missing: ${f}`),
      ...result.extra.map((f) => `  not generated: ${f}`),
    ];
    io.stderr(
      `${args.out} differs from a fresh generation of ${args.spec}:\n${lines.join('\n')}\n` +
        `Regenerate with: upkit-codegen ${argv.filter((a) => a !== '--check').join(' ')}\n`,
    );
    return 1;
  } catch (error) {
    if (error instanceof CodegenError) {
      io.stderr(`upkit-codegen: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
