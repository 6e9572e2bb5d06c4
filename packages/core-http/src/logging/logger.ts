/** A console-like sink. `console` fits; so do pino and winston loggers. */
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

/** From most to least verbose; `off` logs nothing. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/** Every {@link LogLevel}, from most to least verbose. */
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'off'];

/** Whether a message at `messageLevel` passes a logger set to `threshold`. */
export function levelEnabled(threshold: LogLevel, messageLevel: Exclude<LogLevel, 'off'>): boolean {
  return LOG_LEVELS.indexOf(messageLevel) >= LOG_LEVELS.indexOf(threshold);
}
