import { SandboxConfigError } from './errors/sandbox-config-error.js';
import { MAX_PRESIGN_SECONDS, MAX_PUT_BYTES } from './limits.js';
import type { SandboxOptions } from './options.js';

/** One integer setting of {@link SandboxOptions}: where it lives, its default and its range. */
export interface IntegerOption {
  /** The settings group it belongs to; none for a top-level option. */
  readonly group?: 'scenario' | 'cadenya';
  readonly key: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** Its command-line flag, if it has one. */
  readonly cli?: { readonly flag: string; readonly arg: string; readonly help: string };
}

/**
 * Every integer option, in one place: the defaults of `options.ts`, the checks of
 * `startSandbox` and the CLI's flags and help all derive from it.
 */
export const INTEGER_OPTIONS = {
  port: { key: 'port', default: 0, min: 0, max: 65_535 },
  requestLogLimit: { key: 'requestLogLimit', default: 10_000, min: 0, max: 10_000_000 },
  minPartSize: {
    group: 'scenario',
    key: 'minPartSize',
    default: 5 * 1024 * 1024,
    min: 1,
    max: MAX_PUT_BYTES,
    cli: { flag: 'min-part-size', arg: '<bytes>', help: 'smallest part but the last' },
  },
  validatingDelayMs: {
    group: 'scenario',
    key: 'validatingDelayMs',
    default: 1000,
    min: 0,
    max: 86_400_000,
    cli: { flag: 'validating-delay-ms', arg: '<ms>', help: 'time in "validating"' },
  },
  importDelayMs: {
    group: 'scenario',
    key: 'importDelayMs',
    default: 1000,
    min: 0,
    max: 86_400_000,
    cli: { flag: 'import-delay-ms', arg: '<ms>', help: 'time in "validated" before "imported"' },
  },
  partUrlTtlSeconds: {
    group: 'scenario',
    key: 'partUrlTtlSeconds',
    default: 3600,
    min: 1,
    max: MAX_PRESIGN_SECONDS,
  },
  uploadUrlTtlSeconds: {
    group: 'cadenya',
    key: 'uploadUrlTtlSeconds',
    default: 900,
    min: 1,
    max: MAX_PRESIGN_SECONDS,
  },
  maxMemoryEntryBytes: {
    group: 'cadenya',
    key: 'maxMemoryEntryBytes',
    default: 10 * 1024 * 1024,
    min: 0,
    max: 2 ** 30,
  },
} as const satisfies Record<string, IntegerOption>;

const ALL: readonly IntegerOption[] = Object.values(INTEGER_OPTIONS);

/** The options that have a CLI flag. */
export const CLI_INTEGER_OPTIONS = ALL.filter(
  (option): option is IntegerOption & { cli: NonNullable<IntegerOption['cli']> } =>
    option.cli !== undefined,
);

/** `scenario.minPartSize`, or `port` for a top-level option. */
export const optionName = (option: IntegerOption) =>
  option.group ? `${option.group}.${option.key}` : option.key;

/**
 * Checks every integer option against its range.
 * @throws SandboxConfigError naming the first bad one
 */
export function checkIntegerOptions(options: SandboxOptions): void {
  for (const option of ALL) {
    const holder = (option.group ? options[option.group] : options) as
      Readonly<Record<string, unknown>> | undefined;
    const value = holder?.[option.key];
    if (value === undefined) continue;
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < option.min ||
      value > option.max
    ) {
      throw new SandboxConfigError(
        `${optionName(option)} must be an integer in [${option.min}, ${option.max}], got ${String(value)}`,
      );
    }
  }
}
