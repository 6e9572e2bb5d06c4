import { brandError } from '@upkit/core-http/internal';
import type { ResumeToken } from '../resume/resume-token.js';
import { UploaderError } from './uploader-error.js';

/**
 * The upload the token names can no longer take parts: it is not pending any more (completed,
 * failed, expired) or no longer exists. Pass `onStale: 'restart'` to start a new upload instead.
 */
export class StaleResumeTokenError extends UploaderError {
  declare readonly uploadId: string;
  /** The upload's status as the API reported it, or `missing`. */
  declare readonly status: string;

  constructor(uploadId: string, status: string, resumeToken: ResumeToken) {
    super(`Upload ${uploadId} cannot be resumed: it is ${status}`, { resumeToken });
    this.uploadId = uploadId;
    this.status = status;
  }
}
brandError(StaleResumeTokenError, 'StaleResumeTokenError');
