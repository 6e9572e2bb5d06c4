import { brandError } from '@upkit/core-http/internal';
import { UploaderError } from './uploader-error.js';

/** `concurrency` is not a whole number of at least 1. */
export class ConcurrencyError extends UploaderError {
  declare readonly concurrency: unknown;

  constructor(concurrency: unknown) {
    super(`concurrency must be a whole number of at least 1, got ${String(concurrency)}`);
    this.concurrency = concurrency;
  }
}
brandError(ConcurrencyError, 'ConcurrencyError');
