#!/usr/bin/env node
// The `upkit-upload` command: the process's streams, environment and signals around runCli().
import { runCli } from './run-cli.js';

// No top-level await: the package is also built as CommonJS.
runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  onInterrupt: (handler) => {
    process.on('SIGINT', handler);
    return () => process.off('SIGINT', handler);
  },
  exitNow: (code) => process.exit(code),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `upkit-upload: unexpected error\n${String((error as Error).stack ?? error)}\n`,
    );
    process.exitCode = 1;
  },
);
