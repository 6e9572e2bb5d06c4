import { brandError } from '@upkit/core-http/internal';
import { UploaderError } from './uploader-error.js';

/** `resume` is not a resume token this version can read (malformed JSON, wrong version or shape). */
export class InvalidResumeTokenError extends UploaderError {
  constructor(reason: string) {
    super(`Not a resume token: ${reason}`);
  }
}
brandError(InvalidResumeTokenError, 'InvalidResumeTokenError');
