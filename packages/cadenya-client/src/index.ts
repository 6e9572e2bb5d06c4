export { VERSION } from './version.js';

// The client.
export { Cadenya, DEFAULT_BASE_URL } from './cadenya.js';
export type { CadenyaOptions } from './cadenya-options.js';
export { Uploads } from './uploads.js';
export type { CreateUploadParams, WaitUntilCompleteOptions, WorkspaceParams } from './uploads.js';
export { toSizeBytes } from './size-bytes.js';
export type { SizeBytesInput } from './size-bytes.js';

// The generated resources (the classes the facade builds on, and their params types).
export {
  MemoryLayersEntriesResource,
  MemoryLayersResource,
  UploadsResource,
} from './generated/resources.js';
export type {
  MemoryLayersEntriesCreateParams,
  UploadsRetrieveParams,
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
export { InvalidSizeBytesError } from './errors/invalid-size-bytes-error.js';
export { UploadConsumedError } from './errors/upload-consumed-error.js';
export { UploadExpiredError } from './errors/upload-expired-error.js';
export { UploadUnusableError } from './errors/upload-unusable-error.js';
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
  CadenyaCreateMemoryEntryRequest,
  CadenyaCreateUploadRequest,
  CadenyaMemoryEntryDetail,
  CadenyaUpload,
  CadenyaUploadInfo,
  CadenyaUploadSpec,
  KnownCadenyaUploadInfoStatus,
} from '@upkit/schemas/cadenya/standard';
