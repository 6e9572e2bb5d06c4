import { brandError } from '@upkit/core-http/internal';
import type { ResumeToken } from '../resume/resume-token.js';
import { UploaderError } from './uploader-error.js';

/**
 * The stream ended before, or ran past, the size it was declared with. The upload was already
 * created with that size: fix the source and resume with the token, or start over.
 */
export class SourceSizeMismatchError extends UploaderError {
  declare readonly expectedSize: number;
  /** How many bytes the source gave (at least this many, when it ran past). */
  declare readonly actualSize: number;

  constructor(init: { expectedSize: number; actualSize: number; resumeToken?: ResumeToken }) {
    const { expectedSize, actualSize } = init;
    const what =
      actualSize < expectedSize
        ? `ended after ${actualSize} bytes`
        : `gave more than ${expectedSize} bytes`;
    super(`The source was declared as ${expectedSize} bytes but ${what}`, init);
    this.expectedSize = expectedSize;
    this.actualSize = actualSize;
  }
}
brandError(SourceSizeMismatchError, 'SourceSizeMismatchError');
