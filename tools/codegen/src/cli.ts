#!/usr/bin/env node
import { runCli } from './run-cli.js';

// No top-level await: the package is also built as CommonJS.
runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `upkit-codegen: unexpected error\n${String((error as Error).stack ?? error)}\n`,
    );
    process.exitCode = 2;
  },
);
