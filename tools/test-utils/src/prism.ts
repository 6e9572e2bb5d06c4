import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** A running Prism mock server (request validation on: `--errors`). */
export interface PrismServer {
  readonly url: string;
  close(): Promise<void>;
}

const PRISM = fileURLToPath(new URL('../../../node_modules/.bin/prism', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Starts `prism mock --errors <document>` on 127.0.0.1 and resolves once it answers. */
export async function startPrism(document: string): Promise<PrismServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    PRISM,
    ['mock', '-h', '127.0.0.1', '-p', String(port), '--errors', document],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  // A hang guard: Prism takes seconds to start, more on a busy machine.
  const deadline = Date.now() + 100_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prism exited: ${output}`);
    if (/Prism is listening/.test(output)) return { url, close };
    if (Date.now() > deadline) {
      await close();
      throw new Error(`prism did not start: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
