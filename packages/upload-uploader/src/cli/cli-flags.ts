import type { ParseArgsConfig } from 'node:util';

/** One flag of `upkit-upload`: how `parseArgs` reads it, and its line in `--help`. */
interface Flag {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** The value's placeholder in the help, for string flags. */
  readonly value?: string;
  readonly help: string;
}

/** Every flag, in the order `--help` lists them: the one table both read. */
export const CLI_FLAGS = {
  to: { type: 'string', value: 'scenario|cadenya', help: 'the API to upload to (required)' },
  kind: {
    type: 'string',
    value: 'KIND',
    help: "Scenario: what the file becomes (model, image, audio, video, 3d, avatar, asset…); default: from the content type ('model' for GLB/glTF…, else 'asset')",
  },
  project: { type: 'string', value: 'ID', help: "Scenario: the project (default: the key's own)" },
  workspace: {
    type: 'string',
    value: 'ID',
    help: 'Cadenya: the workspace (default: CADENYA_WORKSPACE_ID)',
  },
  concurrency: {
    type: 'string',
    short: 'c',
    value: 'N',
    help: 'parts in flight at once, across all files (default 4); memory holds at most N × part size',
  },
  files: { type: 'string', value: 'N', help: 'files in flight at once (default 2)' },
  'part-size': {
    type: 'string',
    value: 'SIZE',
    help: "Scenario: bytes per part, e.g. '16MiB' (default 8MiB; at least 5MiB)",
  },
  'content-type': {
    type: 'string',
    value: 'TYPE',
    help: "the media type (default: from the extension, then the file's first bytes)",
  },
  name: { type: 'string', value: 'NAME', help: 'the file name the API records (one file only)' },
  include: {
    type: 'string',
    multiple: true,
    value: 'GLOB',
    help: "in folders, upload only paths matching GLOB (repeatable), e.g. '**/*.glb'",
  },
  exclude: {
    type: 'string',
    multiple: true,
    value: 'GLOB',
    help: 'in folders, skip paths matching GLOB (repeatable)',
  },
  resume: {
    type: 'boolean',
    help: 'go on with saved uploads (the default whenever one is saved); says so for files with none',
  },
  restart: { type: 'boolean', help: 'ignore saved uploads and start every file afresh' },
  'state-dir': {
    type: 'string',
    value: 'DIR',
    help: 'where resume state is kept, one JSON file per upload (default .upkit-upload)',
  },
  json: { type: 'boolean', help: 'print NDJSON events on stdout instead of a progress display' },
  quiet: { type: 'boolean', short: 'q', help: 'print only errors' },
  'base-url': {
    type: 'string',
    value: 'URL',
    help: 'the API base URL (default: SCENARIO_BASE_URL / CADENYA_BASE_URL, else the vendor)',
  },
  verbose: { type: 'boolean', short: 'v', help: 'also print each part, retry and URL refresh' },
  help: { type: 'boolean', short: 'h', help: 'print this help' },
  version: { type: 'boolean', help: 'print the version' },
} as const satisfies Record<string, Flag>;

export type CliFlagName = keyof typeof CLI_FLAGS;

/** The `options` of `node:util` `parseArgs`, from the table. */
export function parseArgsOptions(): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(
    Object.entries(CLI_FLAGS).map(([name, flag]: [string, Flag]) => [
      name,
      {
        type: flag.type,
        ...(flag.short ? { short: flag.short } : {}),
        ...(flag.multiple ? { multiple: true } : {}),
      },
    ]),
  );
}

/** The flags' part of `--help`, aligned. */
export function flagHelp(): string {
  const rows = Object.entries(CLI_FLAGS).map(([name, flag]: [string, Flag]) => {
    const short = flag.short ? `-${flag.short}, ` : '    ';
    return [`  ${short}--${name}${flag.value ? ` ${flag.value}` : ''}`, flag.help] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows
    .map(([left, help]) => left.padEnd(width) + wrap(help, HELP_COLUMNS - width, width))
    .join('\n');
}

/** Help lines stay within this many columns. */
const HELP_COLUMNS = 100;

/** Wraps `text` at spaces to `columns`, indenting the lines after the first by `indent`. */
function wrap(text: string, columns: number, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > columns) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}
