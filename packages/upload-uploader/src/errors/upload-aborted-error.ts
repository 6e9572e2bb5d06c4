import { brandError } from '@upkit/core-http/internal';
import type { ResumeToken } from '../resume/resume-token.js';
import { UploaderError } from './uploader-error.js';

/**
 * Your `AbortSignal` fired: every request in flight was stopped and no further one was sent. Pass
 * `resumeToken` (present once the upload was created) to `upload(…, { resume })` to go on.
 */
export class UploadAbortedError extends UploaderError {
  constructor(init: { reason?: unknown; resumeToken?: ResumeToken | undefined }) {
    const { resumeToken } = init;
    super('The upload was aborted', {
      cause: init.reason,
      ...(resumeToken ? { resumeToken } : {}),
    });
  }
}
brandError(UploadAbortedError, 'UploadAbortedError');
