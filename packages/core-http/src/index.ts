export { VERSION } from './version.js';

// The executor.
export { createHttpClient, HttpClient } from './http-client.js';
export { send } from './send.js';
export type { OperationRequestOptions, RequestOptions, SendOptions } from './request-options.js';
export type { ClientOptions, FetchLike, ValidationMode } from './client/client-options.js';
export type { HttpClientConfig } from './config/client-config.js';
export type { FetchOptions } from './config/fetch-options.js';
export { APIPromise } from './api-promise.js';
export type { WithRequestID, WithResponse } from './api-promise.js';
export type {
  HttpMethod,
  OperationBody,
  OperationDescriptor,
  OperationOutput,
  OperationParams,
} from './operation.js';
export type { StandardSchemaV1 } from './standard-schema.js';
export type { HeadersInput } from './headers/merge-headers.js';
export type { UserAgentHeader } from './user-agent.js';

// Credentials.
export { basicAuth } from './auth/basic.js';
export { bearerAuth } from './auth/bearer.js';
export { Secret } from './auth/secret.js';
export type { Auth, AuthRequest } from './auth/auth.js';

// Retries: the decision core-http makes, for loops of your own (an uploader's parts).
export { RetryBudget } from './retry/retry-budget.js';
export type { RetryBudgetOptions } from './retry/retry-budget.js';
export { nextRetry } from './retry/next-retry.js';
export type {
  FailedAttempt,
  RetryDecision,
  RetryPolicy,
  RetryStopReason,
} from './retry/next-retry.js';
export { isRetryableStatus, shouldRetry } from './retry/should-retry.js';
export type { RetryTrigger } from './retry/should-retry.js';
export { backoffDelay } from './retry/backoff.js';
export { parseRetryAfter } from './retry/retry-after.js';
export { sleep } from './abort/sleep.js';

// URLs and redaction.
export { encodePathParam } from './url/encode-path.js';
export { isPresignedUrl } from './url/is-presigned-url.js';
export { DEFAULT_QUERY_ALLOWLIST, REDACTED, redactUrl } from './url/redact-url.js';
export { DEFAULT_HEADER_ALLOWLIST } from './logging/redact-headers.js';
export type { Logger, LogLevel } from './logging/logger.js';

// Middleware and polling.
export type { Middleware, MiddlewareNext, MiddlewareRequest } from './middleware.js';
export { waitFor } from './waiter/wait-for.js';
export type { WaitForOptions } from './waiter/wait-for.js';

// Errors.
export { isUpkitError, UpkitError } from './errors/upkit-error.js';
export { APIError, isAPIError } from './errors/api-error.js';
export type { APIErrorInit } from './errors/api-error.js';
export { BadRequestError } from './errors/bad-request-error.js';
export { AuthenticationError } from './errors/authentication-error.js';
export { PermissionDeniedError } from './errors/permission-denied-error.js';
export { NotFoundError } from './errors/not-found-error.js';
export { ConflictError } from './errors/conflict-error.js';
export { UnprocessableEntityError } from './errors/unprocessable-entity-error.js';
export { RateLimitError } from './errors/rate-limit-error.js';
export { InternalServerError } from './errors/internal-server-error.js';
export { RedirectError } from './errors/redirect-error.js';
export type { RedirectRefusal } from './errors/redirect-error.js';
export { APIConnectionError } from './errors/api-connection-error.js';
export { APITimeoutError } from './errors/api-timeout-error.js';
export { APIUserAbortError } from './errors/api-user-abort-error.js';
export { RequestValidationError } from './errors/request-validation-error.js';
export { InvalidResponseError } from './errors/invalid-response-error.js';
export { ResponseValidationError } from './errors/response-validation-error.js';
export { ResponseTooLargeError } from './errors/response-too-large-error.js';
export { ConfigurationError } from './errors/configuration-error.js';
export { WaiterTimeoutError } from './errors/waiter-timeout-error.js';
export { WaiterFailureError } from './errors/waiter-failure-error.js';
export type { ValidationIssue } from './errors/validation-issue.js';
