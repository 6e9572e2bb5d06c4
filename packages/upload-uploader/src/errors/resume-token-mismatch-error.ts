import { brandError } from '@upkit/core-http/internal';
import type { ResumeToken } from '../resume/resume-token.js';
import { UploaderError } from './uploader-error.js';

/**
 * The token belongs to another file or another target: the source's fingerprint (size, name, mtime,
 * first and last MiB) or the target differs. Nothing was sent. Pass `onStale: 'restart'` to upload
 * from scratch instead.
 */
export class ResumeTokenMismatchError extends UploaderError {
  /** What differs, e.g. `size`, `name`, `mtime`, `head`, `tail`, `target`. */
  declare readonly field: string;

  constructor(field: string, detail: string, resumeToken: ResumeToken) {
    super(`The resume token does not match this upload: ${field} differs (${detail})`, {
      resumeToken,
    });
    this.field = field;
  }
}
brandError(ResumeTokenMismatchError, 'ResumeTokenMismatchError');
