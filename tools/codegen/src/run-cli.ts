import { compareWithDirectory, isClean } from './check.js';
import { CodegenError } from './errors/codegen-error.js';
import { generate, writeGeneratedFiles } from './generate.js';
import { VERSION } from './version.js';

const USAGE = `Usage: upkit-codegen <spec> --out <dir> [--prefix <Name>] [--check]

Generates zod/mini and classic zod schemas, enums with guards, operation descriptors,
openapi-typescript types and int64 helpers from an OpenAPI 3.0/3.1 document (YAML or JSON).

  --out <dir>       output directory (created when missing)
  --prefix <Name>   put Name in front of every schema, type and enum name
  --check           write nothing; exit 1 and list the files that differ from a fresh generation
  --version         print the version
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
}

function parseArgs(argv: readonly string[]): CliArgs | string {
  let spec: string | undefined;
  let out: string | undefined;
  let prefix = '';
  let check = false;
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
    else if (arg.startsWith('-')) return `Unknown option ${arg}`;
    else if (spec === undefined) spec = arg;
    else return `Unexpected argument ${arg}`;
  }
  if (spec === undefined) return 'Missing <spec>';
  if (out === undefined) return 'Missing --out <dir>';
  return { spec, out, prefix, check };
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
    const { files } = await generate({ input: args.spec, prefix: args.prefix });
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
        `Regenerate with: upkit-codegen ${args.spec} --out ${args.out}${args.prefix ? ` --prefix ${args.prefix}` : ''}\n`,
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
