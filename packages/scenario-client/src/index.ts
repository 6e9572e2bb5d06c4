export { VERSION } from './version.js';

// The client.
export { DEFAULT_BASE_URL, Scenario } from './scenario.js';
export type { ScenarioOptions } from './scenario-options.js';
export { Uploads } from './uploads.js';
export type { ImportedUpload, UploadParams, WaitForProcessingOptions } from './uploads.js';

// The generated resources (the classes the facade builds on, and their params types).
export { UploadsResource } from './generated/resources.js';
export type {
  UploadsCreateParams,
  UploadsRetrieveParams,
  UploadsTriggerActionParams,
} from './generated/resources.js';

// From core-http, so that no second copy of it needs importing.
export { APIPromise, isAPIError, isUpkitError, RetryBudget, send } from '@upkit/core-http';
export type {
  ClientOptions,
  HttpClient,
  Logger,
  LogLevel,
  Middleware,
  OperationRequestOptions,
  SendOptions,
  WithResponse,
} from '@upkit/core-http';

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
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  RequestValidationError,
  ResponseTooLargeError,
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
