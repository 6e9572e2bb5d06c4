import { formatBytes } from '../size/parse-size.js';
import type { UrlRefreshEvent } from '../targets/upload-target.js';
import type { ReportedFile } from './reporter.js';

/** `12.5 MiB/s`, or `—` before there is a measurement. */
export function formatSpeed(bytesPerSecond: number): string {
  return bytesPerSecond > 0 ? `${formatBytes(Math.round(bytesPerSecond))}/s` : '—';
}

/** `42s`, `3m07s`, `1h02m`, or `—` when unknown. */
export function formatEta(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** A percentage with no decimal, 100 only when everything is there. */
export function percent(loaded: number, total: number): number {
  if (total <= 0 || loaded >= total) return 100;
  return Math.min(99, Math.floor((loaded / total) * 100));
}

/** An error as one line: its class and message (the errors' messages hold no secret). */
export function errorLine(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** The --verbose line of a retry. */
export function retryLine(
  file: ReportedFile,
  e: { part: number; attempt: number; error: Error; delayMs: number },
): string {
  return `${file.display} part ${e.part}: retry ${e.attempt} in ${e.delayMs} ms (${errorLine(e.error)})`;
}

/** The --verbose line of a URL signed afresh (and of a Cadenya upload replaced). */
export function urlRefreshLine(file: ReportedFile, e: UrlRefreshEvent): string {
  const replaced = e.replacedUploadId ? `, upload ${e.replacedUploadId} → ${e.uploadId}` : '';
  return `${file.display}: URL ${e.reason}, signed afresh (parts ${e.parts.join(', ')}${replaced})`;
}

/** The --verbose line of a part storage acknowledged. */
export function partLine(
  file: ReportedFile,
  e: { part: number; size: number; attempts: number },
): string {
  return `${file.display} part ${e.part} stored (${formatBytes(e.size)}, attempt ${e.attempts})`;
}
