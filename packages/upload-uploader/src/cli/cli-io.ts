/**
 * What the CLI reads and writes: the process's, or a test's. Credentials are not here: the clients
 * read their environment variables themselves.
 */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly cwd: string;
  /** Calls `handler` on each Ctrl-C (SIGINT); returns the function that stops listening. */
  onInterrupt(handler: () => void): () => void;
  /** Ends the process at once (a second Ctrl-C). */
  exitNow(code: number): void;
}
