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
import { requestIdFromHeaders } from './request-id.js';
import { statusText } from './status-text.js';

const BY_STATUS: Record<number, new (init: APIErrorInit) => APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** Builds the right {@link APIError} subclass from a non-2xx response and its already-read body. */
export function createAPIError(init: {
  response: Response;
  body: unknown;
  method: string;
  url: string;
}): APIError {
  const { response } = init;
  const info = parseErrorBody(init.body);
  const errorInit: APIErrorInit = {
    status: response.status,
    statusText: statusText(response),
    headers: response.headers,
    body: init.body,
    method: init.method,
    url: init.url,
    serverMessage: info.message,
    code: info.code,
    grpcCode: info.grpcCode,
    details: info.details,
    requestId: requestIdFromHeaders(response.headers) ?? info.requestId,
    retryAfterMs: parseRetryAfter(response.headers) ?? info.retryAfterMs,
  };
  const ErrorClass =
    BY_STATUS[response.status] ?? (response.status >= 500 ? InternalServerError : APIError);
  return new ErrorClass(errorInit);
}
