import { brandError } from '@upkit/core-http/internal';
import { UploaderError } from './uploader-error.js';

/**
 * Storage acknowledged a part with an ETag that is not the MD5 of the bytes sent: what it stored is
 * not what left this process. The part is retried; this error is raised when it keeps happening.
 */
export class ChecksumMismatchError extends UploaderError {
  declare readonly partNumber: number;
  declare readonly expected: string;
  declare readonly received: string;

  constructor(init: { partNumber: number; expected: string; received: string }) {
    super(
      `Part ${init.partNumber}: storage's ETag ${init.received} is not the MD5 of the bytes sent (${init.expected})`,
    );
    this.partNumber = init.partNumber;
    this.expected = init.expected;
    this.received = init.received;
  }
}
brandError(ChecksumMismatchError, 'ChecksumMismatchError');
