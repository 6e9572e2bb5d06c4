import { brand } from './brand.js';
import { requestPrefix, UpkitError } from './upkit-error.js';

/** The response an {@link InvalidResponseError} is about. */
export interface InvalidResponseInit {
  status: number;
  method: string;
  /** Already redacted. */
  url: string;
  operationId?: string | undefined;
  requestId?: string | undefined;
}

/**
 * A success (2xx) response the client cannot use: the base of {@link ResponseValidationError}
 * (the body broke the operation's contract) and {@link ResponseTooLargeError} (it was over
 * `maxResponseBytes`). Not an `APIError`: the HTTP exchange succeeded. Never retried.
 *
 * Its message reads `GET https://api.x.com/v1/uploads/u → 200: <problem> (request id: abc)`.
 */
export class InvalidResponseError extends UpkitError {
  declare readonly status: number;
  declare readonly method: string;
  /** Redacted URL. */
  declare readonly url: string;
  declare readonly operationId: string | undefined;
  declare readonly requestId: string | undefined;

  constructor(problem: string, init: InvalidResponseInit) {
    const { method, url, status, operationId, requestId } = init;
    const id = requestId ? ` (request id: ${requestId})` : '';
    super(`${requestPrefix(method, url)}${status}: ${problem}${id}`);
    Object.assign(this, { status, method, url, operationId, requestId });
  }
}
brand(InvalidResponseError, 'InvalidResponseError');
