/** A console-like sink. `console` fits; so do pino and winston loggers. */
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

/** From most to least verbose; `off` logs nothing. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, off: 100 };

/** True when `level` is one of the {@link LogLevel} names. */
export function isLogLevel(level: unknown): level is LogLevel {
  return typeof level === 'string' && Object.prototype.hasOwnProperty.call(RANK, level);
}

/** Whether a message at `messageLevel` passes a logger set to `threshold`. */
export function levelEnabled(threshold: LogLevel, messageLevel: Exclude<LogLevel, 'off'>): boolean {
  return RANK[messageLevel] >= RANK[threshold];
}
