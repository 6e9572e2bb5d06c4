import { brand } from './brand.js';
import { InvalidResponseError, type InvalidResponseInit } from './invalid-response-error.js';

/**
 * A success response's body was larger than `maxResponseBytes` (by its `content-length`, or once
 * that many bytes had arrived): the rest was not read, so that a server cannot make the client
 * buffer without bound. Not retried (the same request would get the same body).
 */
export class ResponseTooLargeError extends InvalidResponseError {
  /** The limit that was reached, in bytes. */
  declare readonly maxResponseBytes: number;

  constructor(init: InvalidResponseInit & { maxResponseBytes: number }) {
    const limit = init.maxResponseBytes;
    super(`response body larger than maxResponseBytes (${limit} bytes)`, init);
    this.maxResponseBytes = limit;
  }
}
brand(ResponseTooLargeError, 'ResponseTooLargeError');
