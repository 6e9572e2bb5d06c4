import { brandError } from '@upkit/core-http/internal';
import type { ResumeToken } from '../resume/resume-token.js';
import { UploaderError } from './uploader-error.js';

/**
 * Storage refused a part for good (a 4xx other than 408/429 or an expired URL), or the part failed
 * every attempt. `code` is the storage's XML error code (`SignatureDoesNotMatch`, `AccessDenied`…).
 * The URL is never part of the message: its query string is a credential.
 */
export class PartUploadError extends UploaderError {
  /** The part, numbered from 1 (a single PUT is part 1). */
  declare readonly partNumber: number;
  /** The last HTTP status, when storage answered. */
  declare readonly status: number | undefined;
  /** The storage's `<Code>`, when it sent one. */
  declare readonly code: string | undefined;
  /** How many times the part was tried. */
  declare readonly attempts: number;
  /** Why it was not tried again, e.g. `no retries left`. */
  declare readonly retryStop: string | undefined;

  constructor(init: {
    partNumber: number;
    status?: number | undefined;
    code?: string | undefined;
    storageMessage?: string | undefined;
    attempts: number;
    retryStop?: string | undefined;
    cause?: unknown;
    resumeToken?: ResumeToken | undefined;
  }) {
    const { partNumber, status, code, storageMessage, attempts } = init;
    const answer =
      status === undefined
        ? init.cause instanceof Error
          ? init.cause.message
          : 'no answer'
        : `${status}${code ? ` ${code}` : ''}${storageMessage ? `: ${storageMessage}` : ''}`;
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    const stop = init.retryStop ? ` (not retried: ${init.retryStop})` : '';
    super(`Part ${partNumber} failed${tries}: storage answered ${answer}${stop}`, {
      cause: init.cause,
      ...(init.resumeToken ? { resumeToken: init.resumeToken } : {}),
    });
    this.partNumber = partNumber;
    this.status = status;
    this.code = code;
    this.attempts = attempts;
    this.retryStop = init.retryStop;
  }
}
brandError(PartUploadError, 'PartUploadError');
