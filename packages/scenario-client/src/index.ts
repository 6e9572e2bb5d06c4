export { VERSION } from './version.js';

// The client.
export { DEFAULT_BASE_URL, Scenario } from './scenario.js';
export type { ScenarioOptions } from './scenario-options.js';
export { Uploads } from './uploads.js';
export type { ImportedUpload, UploadParams, WaitForProcessingOptions } from './uploads.js';
export type { ClientOptions, OperationRequestOptions } from '@upkit/core-http';
export { APIPromise, RetryBudget } from '@upkit/core-http';
export type { Logger, LogLevel, Middleware, WithResponse } from '@upkit/core-http';

// Errors.
export { UploadFailedError } from './errors/upload-failed-error.js';
export {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConfigurationError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  ResponseValidationError,
  UnprocessableEntityError,
  UpkitError,
  WaiterFailureError,
  WaiterTimeoutError,
} from '@upkit/core-http';

// Schema types.
export type {
  ScenarioCreateCivitaiUploadRequest,
  ScenarioCreateHuggingFaceUploadRequest,
  ScenarioCreateMultipartUploadRequest,
  ScenarioCreateUploadRequest,
  ScenarioCreateUrlUploadRequest,
  ScenarioUpload,
  ScenarioUploadKind,
  ScenarioUploadPart,
  ScenarioUploadResponse,
  ScenarioUploadStatus,
} from '@upkit/schemas/scenario/standard';
