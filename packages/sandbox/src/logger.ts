/**
 * Where the sandbox writes what it has to say. Messages never contain credentials or presigned
 * query strings: only methods, paths and ids.
 */
export interface SandboxLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** The default logger: `console`, each line prefixed with `[upkit-sandbox]`. */
export function consoleLogger(options: { quiet?: boolean } = {}): SandboxLogger {
  const prefix = '[upkit-sandbox]';
  return {
    info: (message) => {
      if (!options.quiet) console.info(`${prefix} ${message}`);
    },
    warn: (message) => console.warn(`${prefix} ${message}`),
    error: (message) => console.error(`${prefix} ${message}`),
  };
}

/** A logger that drops everything but errors, for embedding in test suites. */
export const silentLogger: SandboxLogger = {
  info: () => {},
  warn: () => {},
  error: () => {},
};

/**
 * A banner that stands out in a log, for events a developer must not miss (a client sending its
 * API key to object storage).
 */
export function banner(lines: readonly string[]): string {
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const rule = '!'.repeat(width);
  return ['', rule, ...lines.map((line) => `! ${line.padEnd(width - 4)} !`), rule, ''].join('\n');
}
