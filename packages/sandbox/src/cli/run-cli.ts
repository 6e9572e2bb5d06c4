import { SandboxConfigError } from '../errors/sandbox-config-error.js';
import { consoleLogger } from '../logger.js';
import { startSandbox } from '../sandbox.js';
import { VERSION } from '../version.js';
import { parseCliArgs, USAGE } from './parse-args.js';
import { startupMessage } from './startup-message.js';

/** Where the CLI writes; injected so tests can capture it. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/**
 * Runs `upkit-sandbox`: starts the sandbox, prints where it is, and closes it on SIGINT or
 * SIGTERM (writing its state and removing a temporary data directory) before exiting 0.
 * @returns the exit code for usage errors; never resolves while the sandbox runs.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let command;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof SandboxConfigError)) throw error;
    io.stderr(`upkit-sandbox: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.kind === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (command.kind === 'version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  let sandbox;
  try {
    sandbox = await startSandbox({
      ...command.options,
      logger: consoleLogger({ quiet: command.quiet }),
    });
  } catch (error) {
    io.stderr(`upkit-sandbox: ${(error as Error).message}\n`);
    return 1;
  }
  io.stdout(startupMessage(sandbox, command.options.dataDir === undefined));

  const running = sandbox;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C: the user does not want to wait.
      process.exit(130);
    }
    stopping = true;
    io.stdout(`\nReceived ${signal}, shutting down…\n`);
    running.close().then(
      () => {
        io.stdout('Stopped.\n');
        process.exitCode = 0;
        // Anything still holding the loop open must not stop the exit.
        setTimeout(() => process.exit(0), 2000).unref();
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      },
      (error: unknown) => {
        io.stderr(`upkit-sandbox: error while closing: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise<number>(() => {});
}
