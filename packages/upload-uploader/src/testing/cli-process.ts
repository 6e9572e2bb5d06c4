import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
/** tsx's loader, by absolute path: a child may run in a folder with no node_modules. */
const TSX = require.resolve('tsx');
const UPLOADER_CLI = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
const SANDBOX_CLI = fileURLToPath(new URL('../../../sandbox/src/cli.ts', import.meta.url));

/** `node` with the source condition and tsx: how the CLIs run from source in tests. */
export const NODE_FROM_SOURCE = [process.execPath, '--conditions=@upkit/source', '--import', TSX];

/** A child process whose output is recorded. */
export interface Child {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the exit code, or the signal's name. */
  readonly exited: Promise<number | string>;
  /** Resolves once the output matches `pattern` (rejects if the child exits first). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
}

function record(child: ChildProcess): Child {
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const check of [...listeners]) check();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return {
    child,
    output: () => out,
    exited,
    waitFor: (pattern, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${pattern} in:\n${out}`));
        }, timeoutMs);
        const check = () => {
          const match = pattern.exec(out);
          if (!match) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve(match);
        };
        listeners.add(check);
        check();
        void exited.then(() => {
          if (!listeners.has(check)) return;
          check();
          if (listeners.has(check)) {
            clearTimeout(timer);
            listeners.delete(check);
            reject(new Error(`exited before ${pattern}:\n${out}`));
          }
        });
      }),
  };
}

/** `upkit-upload` in a child process, from source. */
export function spawnUploadCli(
  args: readonly string[],
  options: { cwd: string; env: Record<string, string> },
): Child {
  return record(
    spawn(NODE_FROM_SOURCE[0]!, [...NODE_FROM_SOURCE.slice(1), UPLOADER_CLI, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NODE_OPTIONS: '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/** `upkit-upload` under a pseudo-terminal (util-linux `script`), as a person at a terminal runs it. */
export function spawnUploadCliInTerminal(
  args: readonly string[],
  options: { cwd: string; env: Record<string, string> },
): Child {
  const quote = (w: string) => `'${w.replace(/'/g, `'\\''`)}'`;
  const command = [...NODE_FROM_SOURCE, UPLOADER_CLI, ...args].map(quote).join(' ');
  return record(
    spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: options.cwd,
      env: { ...process.env, NODE_OPTIONS: '', COLUMNS: '120', LINES: '40', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/** `upkit-sandbox` in a child process, from source; resolves once it listens. */
export async function spawnSandbox(args: readonly string[]): Promise<Child & { url: string }> {
  const sandbox = record(
    spawn(
      NODE_FROM_SOURCE[0]!,
      [...NODE_FROM_SOURCE.slice(1), SANDBOX_CLI, '--port', '0', ...args],
      {
        env: { ...process.env, NODE_OPTIONS: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    ),
  );
  const [, url] = await sandbox.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/, 30_000);
  return Object.assign(sandbox, { url: url! });
}

/** Kills a child that still runs, and waits until it has gone. */
export async function stop(
  child: Child | undefined,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<void> {
  if (!child) return;
  if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill(signal);
  await child.exited;
}
