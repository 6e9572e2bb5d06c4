#!/usr/bin/env node
// Usage: node scripts/with-deadline.mjs <seconds> <command> [args...]
//
// Runs the command and passes its exit code on. If it is still running after <seconds>, stops it
// and everything it started, and exits 124 (as coreutils' timeout does). A hang guard for long
// checks that have no timer of their own: generous, not a speed requirement.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const [seconds, command, ...args] = process.argv.slice(2);
const limit = Number(seconds);
if (command === undefined || !(limit > 0)) {
  process.stderr.write('usage: node scripts/with-deadline.mjs <seconds> <command> [args...]\n');
  process.exit(2);
}

const windows = process.platform === 'win32';
// Its own process group (not on Windows), so that a stop reaches the command's children too.
const child = spawn(command, args, { stdio: 'inherit', detached: !windows, shell: windows });
const stop = (signal) => {
  try {
    if (windows) child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
};

let timedOut = false;
const timer = setTimeout(() => {
  timedOut = true;
  process.stderr.write(
    `\nwith-deadline: \`${[command, ...args].join(' ')}\` still running after ${limit} s: stopped\n`,
  );
  stop('SIGTERM');
  setTimeout(() => stop('SIGKILL'), 5_000).unref();
}, limit * 1000);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));

child.on('error', (error) => {
  clearTimeout(timer);
  process.stderr.write(`with-deadline: ${error.message}\n`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  if (timedOut) process.exit(124);
  process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
});
