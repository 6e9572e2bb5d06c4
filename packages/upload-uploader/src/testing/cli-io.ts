import { PassThrough } from 'node:stream';
import type { CliIo } from '../cli/cli-io.js';
import { conditions } from './conditions.js';

/** A CliIo that records what the CLI writes, and can press Ctrl-C. */
export function testIo(cwd: string, options: { isTTY?: boolean } = {}) {
  let out = '';
  let err = '';
  const stdout = new PassThrough();
  const stderr = Object.assign(new PassThrough(), { isTTY: options.isTTY ?? false });
  const waits = conditions();
  stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    waits.check();
  });
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const handlers = new Set<() => void>();
  const exits: number[] = [];
  const io: CliIo = {
    stdout,
    stderr,
    cwd,
    onInterrupt: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    exitNow: (code) => void exits.push(code),
  };
  return {
    io,
    stdout: () => out,
    stderr: () => err,
    /** Presses Ctrl-C once. */
    interrupt: () => {
      for (const handler of [...handlers]) handler();
    },
    /** Resolves once stdout matches `pattern` (checked on each write). */
    untilStdout: (pattern: RegExp) => waits.until(() => pattern.test(out)),
    exits,
  };
}
