import type { UploadProgress } from '../progress/upload-progress.js';
import type { UrlRefreshEvent } from '../targets/upload-target.js';
import type { FileOutcome } from './file-outcome.js';

/** A file as the reporters know it. */
export interface ReportedFile {
  readonly display: string;
  readonly bytes: number;
}

/** Where the CLI's events go: a live display, plain lines, or NDJSON. */
export interface Reporter {
  start(file: ReportedFile): void;
  progress(file: ReportedFile, progress: UploadProgress): void;
  retry(
    file: ReportedFile,
    event: { part: number; attempt: number; error: Error; delayMs: number },
  ): void;
  urlRefresh(file: ReportedFile, event: UrlRefreshEvent): void;
  partDone(file: ReportedFile, event: { part: number; size: number; attempts: number }): void;
  finish(file: ReportedFile, outcome: FileOutcome): void;
  /** A line for the person at the terminal (stderr). */
  note(message: string): void;
  /** Every file has ended: the summary. */
  close(outcomes: readonly FileOutcome[]): void;
}
