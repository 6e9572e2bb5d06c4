import { SandboxConfigError } from '../errors/sandbox-config-error.js';
import { checkOptions, dottedName } from '../option-checks.js';
import type { SandboxOptions } from '../options.js';
import { CLI_ONLY_FLAGS, isGroup, OPTIONS_TABLE } from '../options-table.js';
import type { CliFlag, OptionGroup, OptionKind } from '../options-table.js';

/** A flag of the command line, as the options table gives it. */
export interface Flag {
  /** Without the leading `--`: `api-error-rate`. */
  readonly name: string;
  /** As `--help` shows it: `<class>-error-rate`. */
  readonly helpName: string;
  /** The option it sets: `['faults', 'api', 'errorRate']`. */
  readonly path: readonly string[];
  readonly kind: OptionKind;
  readonly cli: CliFlag;
  /** The `--help` section it is listed in. */
  readonly section: string;
  /** The default `--help` shows. */
  readonly shownDefault?: unknown;
}

function collect(
  group: OptionGroup,
  path: readonly string[],
  section: string,
  prefix: { readonly flag: string; readonly help: string },
): Flag[] {
  return Object.entries(group.rows).flatMap(([key, row]): Flag[] => {
    if (isGroup(row)) {
      const inner = row.flagPrefix
        ? {
            flag: `${prefix.flag}${row.flagPrefix.flag}-`,
            help: `${prefix.help}${row.flagPrefix.help}-`,
          }
        : prefix;
      return collect(row, [...path, key], row.section ?? section, inner);
    }
    if (!row.cli) return [];
    const shownDefault = row.kind.type === 'boolean' ? undefined : (row.cli.default ?? row.default);
    return [
      {
        name: `${prefix.flag}${row.cli.flag}`,
        helpName: `${prefix.help}${row.cli.flag}`,
        path: [...path, key],
        kind: row.kind,
        cli: row.cli,
        section,
        ...(shownDefault !== undefined ? { shownDefault } : {}),
      },
    ];
  });
}

/** Every flag that sets an option, in the order of the options table. */
export const OPTION_FLAGS: readonly Flag[] = collect(
  OPTIONS_TABLE,
  [],
  OPTIONS_TABLE.section ?? '',
  {
    flag: '',
    help: '',
  },
);

const FLAG_BY_PATH = new Map(OPTION_FLAGS.map((flag) => [flag.path.join('.'), `--${flag.name}`]));

/** The flag of an option, e.g. `--scenario-api-key` for `credentials.scenario.apiKey`. */
export function flagOf(path: string): string {
  const flag = FLAG_BY_PATH.get(path);
  if (!flag) throw new Error(`no flag sets ${path}`);
  return flag;
}

/** Names an option by its flag in the CLI's refusals. */
const flagName = (path: readonly string[]) => FLAG_BY_PATH.get(path.join('.')) ?? dottedName(path);

/** The options of `node:util`'s `parseArgs` for every flag. */
export function parseArgsOptions(): Record<string, { type: 'string' | 'boolean'; short?: string }> {
  const all = [
    ...OPTION_FLAGS.map((flag) => ({
      name: flag.name,
      boolean: flag.kind.type === 'boolean',
      cli: flag.cli,
    })),
    ...CLI_ONLY_FLAGS.map(({ cli }) => ({ name: cli.flag, boolean: true, cli: cli as CliFlag })),
  ];
  return Object.fromEntries(
    all.map(({ name, boolean, cli }) => [
      name,
      { type: boolean ? 'boolean' : 'string', ...(cli.short ? { short: cli.short } : {}) },
    ]),
  );
}

function toNumber(flag: Flag, text: string): number {
  if (!/^-?\d+(\.\d+)?$/.test(text)) {
    throw new SandboxConfigError(`--${flag.name} needs a number, got "${text}"`);
  }
  return Number(text);
}

/** The option value a flag's text stands for; the options table checks it afterwards. */
function readFlag(flag: Flag, text: string | boolean): unknown {
  if (typeof text === 'boolean') return text;
  switch (flag.kind.type) {
    case 'integer':
    case 'number':
      return toNumber(flag, text);
    case 'latency': {
      const range = /^(\d+)-(\d+)$/.exec(text);
      return range ? [Number(range[1]), Number(range[2])] : toNumber(flag, text);
    }
    case 'status': {
      const list = text.split(',').map((item) => toNumber(flag, item.trim()));
      return list.length === 1 ? list[0] : list;
    }
    case 'strings':
      return text.split(',');
    default:
      return text;
  }
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let holder = target;
  for (const key of path.slice(0, -1)) holder = (holder[key] ??= {}) as Record<string, unknown>;
  holder[path.at(-1)!] = value;
}

/**
 * The options the flags ask for, checked against the options table (a refusal names the flag).
 * Every group that has flags is there, empty when none of its flags was given; an absent flag
 * with a CLI default of its own (`--port`) gets it.
 * @throws SandboxConfigError for a bad value
 */
export function optionsFromFlags(
  values: Readonly<Record<string, string | boolean | undefined>>,
): SandboxOptions {
  const options: Record<string, unknown> = {};
  for (const flag of OPTION_FLAGS) {
    if (flag.path.length > 1) options[flag.path[0]!] ??= {};
    const text = values[flag.name];
    const value = text === undefined ? flag.cli.default : readFlag(flag, text);
    if (value !== undefined) setAt(options, flag.path, value);
  }
  checkOptions(options, flagName);
  return options;
}

/** Where the help of a flag starts. */
const HELP_COLUMN = 31;

function helpLines(flagText: string, help: string, shownDefault: unknown): string[] {
  const lines = help.split('\n');
  if (shownDefault !== undefined) lines[lines.length - 1] += ` (default ${String(shownDefault)})`;
  const indent = ' '.repeat(HELP_COLUMN);
  const first =
    flagText.length <= HELP_COLUMN - 4
      ? [`  ${flagText.padEnd(HELP_COLUMN - 2)}${lines[0]}`]
      : [`  ${flagText}`, `${indent}${lines[0]}`];
  return [...first, ...lines.slice(1).map((line) => `${indent}${line}`)];
}

/** The flag list of `--help`, by section (the per-class fault flags once, as `--<class>-…`). */
export function flagHelp(): string {
  const entries = [
    ...OPTION_FLAGS.map((flag) => ({ ...flag, flagName: flag.helpName })),
    ...CLI_ONLY_FLAGS.map(({ section, cli }) => ({
      section,
      cli: cli as CliFlag,
      flagName: cli.flag,
    })),
  ];
  const sections = new Map<string, string[]>();
  for (const entry of entries) {
    const lines = sections.get(entry.section) ?? [];
    sections.set(entry.section, lines);
    const flagText = `--${entry.flagName}${entry.cli.arg ? ` ${entry.cli.arg}` : ''}`;
    const rendered = helpLines(
      flagText,
      entry.cli.help,
      'shownDefault' in entry ? entry.shownDefault : undefined,
    );
    if (!lines.includes(rendered[0]!)) lines.push(...rendered);
  }
  return [...sections]
    .map(([title, lines]) => [...(title ? [title] : []), ...lines].join('\n'))
    .join('\n\n')
    .concat('\n');
}
