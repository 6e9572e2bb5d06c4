import { APIError, type APIErrorInit } from '../errors/api-error.js';
import { AuthenticationError } from '../errors/authentication-error.js';
import { BadRequestError } from '../errors/bad-request-error.js';
import { ConflictError } from '../errors/conflict-error.js';
import { InternalServerError } from '../errors/internal-server-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { PermissionDeniedError } from '../errors/permission-denied-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { UnprocessableEntityError } from '../errors/unprocessable-entity-error.js';
import { parseRetryAfter } from '../retry/retry-after.js';
import { parseErrorBody } from './parse-error-body.js';
import { parseJsonBody } from './parse-json.js';
import { readBodyText } from './read-body-text.js';
import { requestIdFromHeaders } from './request-id.js';

const BY_STATUS: Record<number, new (init: APIErrorInit) => APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** What {@link createAPIError} needs to know besides the response. */
export interface APIErrorContext {
  readonly method: string;
  /** Already redacted. */
  readonly url: string;
  /** The most of the body that is read; the rest is left unread (the status is what matters). */
  readonly maxBytes: number;
  /** Removes the request's secrets from the body's text, before anything is parsed from it. */
  readonly scrub: (text: string) => string;
  readonly now: () => number;
}

/**
 * Reads a non-2xx response's body (up to `maxBytes`) and builds the right {@link APIError}
 * subclass from it, `retryAfterMs` included, for every status. A body cut short only loses the
 * details: the status is what matters.
 */
export async function createAPIError(
  response: Response,
  context: APIErrorContext,
): Promise<APIError> {
  const { status, headers } = response;
  const { text } = await readBodyText(response, context.maxBytes).catch(() => ({ text: '' }));
  const body = parseJsonBody(context.scrub(text));
  const info = parseErrorBody(body);
  const ErrorClass = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIError);
  return new ErrorClass({
    ...info,
    status,
    // HTTP/2 and HTTP/3 carry no reason phrase: the message then shows the status alone.
    statusText: response.statusText,
    headers,
    body,
    method: context.method,
    url: context.url,
    serverMessage: info.message,
    requestId: requestIdFromHeaders(headers) ?? info.requestId,
    retryAfterMs: parseRetryAfter(headers, context.now()) ?? info.retryAfterMs,
  });
}
