import { parseArgs } from 'node:util';
import { MULTIPART_LIMITS } from '../plan/plan-parts.js';
import { formatBytes, parseSize } from '../size/parse-size.js';
import { CliUsageError } from './cli-usage-error.js';
import { flagHelp, parseArgsOptions } from './cli-flags.js';

export const USAGE = `Usage: upkit-upload <file|dir>... --to scenario|cadenya [options]

Uploads files to Scenario or Cadenya: parts in parallel, with a progress display, retries, and
resume after Ctrl-C or a crash (run the same command again).

Options:
${flagHelp()}

Credentials come from the environment, as the clients read them:
  Scenario  SCENARIO_SDK_API_KEY and SCENARIO_SDK_API_SECRET (SCENARIO_BASE_URL optional)
  Cadenya   CADENYA_API_KEY, CADENYA_WORKSPACE_ID (CADENYA_BASE_URL optional)

Examples:
  upkit-upload robot.glb --to scenario --kind model
  upkit-upload ./models --to scenario --include '**/*.glb' --files 3 --concurrency 8
  upkit-upload manual.pdf --to cadenya --workspace workspace_01HX…
  upkit-upload big.mp4 --to scenario --kind video --part-size 16MiB --resume

Exit codes: 0 all done, 1 an API or upload error, 2 usage, 130 interrupted.
`;

/** What `upkit-upload` was asked to do. */
export interface UploadCommand {
  readonly kind: 'upload';
  readonly inputs: readonly string[];
  readonly to: 'scenario' | 'cadenya';
  readonly scenarioKind: string | undefined;
  readonly project: string | undefined;
  readonly workspace: string | undefined;
  readonly concurrency: number;
  readonly files: number;
  readonly partSize: number | undefined;
  readonly contentType: string | undefined;
  readonly name: string | undefined;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly resume: boolean;
  readonly restart: boolean;
  readonly stateDir: string;
  readonly output: 'tty' | 'plain' | 'json' | 'quiet';
  readonly baseURL: string | undefined;
  readonly verbose: boolean;
}

export type CliCommand = { readonly kind: 'help' } | { readonly kind: 'version' } | UploadCommand;

const whole = (value: string | undefined, flag: string, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new CliUsageError(
      `--${flag} must be a whole number of at least 1, got ${JSON.stringify(value)}`,
    );
  }
  return n;
};

/**
 * Reads the command line. Everything that can be checked without touching a file or the network
 * is checked here.
 * @throws CliUsageError naming the flag at fault.
 */
export function parseCliArgs(argv: readonly string[], options: { isTTY: boolean }): CliCommand {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      options: parseArgsOptions(),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const str = (name: string) => values[name] as string | undefined;
  const bool = (name: string) => values[name] === true;
  if (bool('help')) return { kind: 'help' };
  if (bool('version')) return { kind: 'version' };

  const inputs = parsed.positionals;
  if (inputs.length === 0) throw new CliUsageError('give at least one file or folder to upload');
  const to = str('to');
  if (to === undefined) throw new CliUsageError('--to is required: scenario or cadenya');
  if (to !== 'scenario' && to !== 'cadenya') {
    throw new CliUsageError(`--to must be scenario or cadenya, got ${JSON.stringify(to)}`);
  }
  if (to === 'cadenya' && (str('kind') ?? str('project') ?? str('part-size')) !== undefined) {
    const flag = ['kind', 'project', 'part-size'].find((f) => str(f) !== undefined);
    throw new CliUsageError(`--${flag} is for Scenario; Cadenya takes each file in one PUT`);
  }
  if (to === 'scenario' && str('workspace') !== undefined) {
    throw new CliUsageError('--workspace is for Cadenya; Scenario takes --project');
  }
  let partSize: number | undefined;
  const partSizeFlag = str('part-size');
  if (partSizeFlag !== undefined) {
    try {
      partSize = parseSize(partSizeFlag, '--part-size');
    } catch (error) {
      throw new CliUsageError((error as Error).message);
    }
    if (partSize < MULTIPART_LIMITS.minPartSize) {
      throw new CliUsageError(
        `--part-size must be at least ${formatBytes(MULTIPART_LIMITS.minPartSize)} (storage refuses smaller parts), got ${partSizeFlag}`,
      );
    }
  }
  if (str('name') !== undefined && inputs.length > 1) {
    throw new CliUsageError('--name names one file: give a single file with it');
  }
  if (bool('resume') && bool('restart')) {
    throw new CliUsageError('--resume and --restart contradict each other: give one');
  }
  const stateDir = str('state-dir') ?? '.upkit-upload';
  if (stateDir.trim() === '') throw new CliUsageError('--state-dir must not be empty');
  const baseURL = str('base-url');
  if (baseURL !== undefined && !URL.canParse(baseURL)) {
    throw new CliUsageError(`--base-url must be an absolute URL, got ${JSON.stringify(baseURL)}`);
  }
  const output = bool('json') ? 'json' : bool('quiet') ? 'quiet' : options.isTTY ? 'tty' : 'plain';
  return {
    kind: 'upload',
    inputs,
    to,
    scenarioKind: str('kind'),
    project: str('project'),
    workspace: str('workspace'),
    concurrency: whole(str('concurrency'), 'concurrency', 4),
    files: whole(str('files'), 'files', 2),
    partSize,
    contentType: str('content-type'),
    name: str('name'),
    include: (values['include'] as string[] | undefined) ?? [],
    exclude: (values['exclude'] as string[] | undefined) ?? [],
    resume: bool('resume'),
    restart: bool('restart'),
    stateDir,
    output,
    baseURL,
    verbose: bool('verbose'),
  };
}
