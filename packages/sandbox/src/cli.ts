#!/usr/bin/env node
import { runCli } from './cli/run-cli.js';

// No top-level await: the package is also built as CommonJS.
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `upkit-sandbox: unexpected error\n${String((error as Error).stack ?? error)}\n`,
    );
    process.exitCode = 2;
  },
);
