import { spawn } from 'node:child_process';

/** Runs a command to its end; rejects with its output when it fails. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; allowFailure?: boolean },
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      // No colours: the output is read by tests (Nx sets FORCE_COLOR for its children).
      env: { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const result = { code: code ?? 1, output };
      if (result.code !== 0 && !options.allowFailure) {
        reject(
          new Error(
            `${command} ${args.join(' ')} (in ${options.cwd}) exited ${result.code}:\n${output}`,
          ),
        );
      } else resolve(result);
    });
  });
}
