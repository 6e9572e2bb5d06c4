import { UpkitError } from '@upkit/core-http';
import { brandError } from '@upkit/core-http/internal';
import type { ResumeToken } from '../resume/resume-token.js';

/**
 * The base of the errors the uploader raises itself (other failures — an `APIError` of the API, an
 * `APIConnectionError` — propagate with their own classes). Each subclass is one cause.
 *
 * Errors raised before anything was created carry no `resumeToken`; every failure after the create,
 * of whatever class, carries one (see {@link resumeTokenOf}).
 */
export class UploaderError extends UpkitError {
  /** Resumes the upload with `upload(target, source, { resume })`; set once the upload exists. */
  declare resumeToken: ResumeToken | undefined;

  constructor(message: string, options?: { cause?: unknown; resumeToken?: ResumeToken }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.resumeToken = options?.resumeToken;
  }
}
brandError(UploaderError, 'UploaderError');
