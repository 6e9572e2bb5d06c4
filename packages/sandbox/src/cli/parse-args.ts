import { parseArgs } from 'node:util';
import { SandboxConfigError } from '../errors/sandbox-config-error.js';
import type { SandboxOptions } from '../options.js';
import { SANDBOX_OPTIONS } from '../options-table.js';
import { flagHelp, optionsFromFlags, parseArgsOptions } from './cli-flags.js';

/** The port the CLI listens on without `--port`. */
export const DEFAULT_CLI_PORT = SANDBOX_OPTIONS.port.cli.default;

export const USAGE = `Usage: upkit-sandbox [options]

A local emulator of the Scenario and Cadenya upload APIs and their object storage.

${flagHelp()}`;

/** What the command line asks for. */
export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'start'; readonly options: SandboxOptions; readonly quiet: boolean };

/**
 * Reads the command line: its flags and checks come from the options table, and a bad value fails
 * here, named by its flag.
 * @throws SandboxConfigError for unknown flags or bad values
 */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: parseArgsOptions(),
    }).values;
  } catch (error) {
    throw new SandboxConfigError((error as Error).message);
  }
  if (values['help']) return { kind: 'help' };
  if (values['version']) return { kind: 'version' };
  return { kind: 'start', options: optionsFromFlags(values), quiet: values['quiet'] === true };
}
