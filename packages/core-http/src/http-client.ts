import { APIPromise, type WithResponse } from './api-promise.js';
import { bindConfig, configOf } from './client/config-of.js';
import type { HttpClientConfig } from './config/client-config.js';
import { resolveConfig } from './config/resolve-config.js';
import type { OperationDescriptor, OperationOutput, OperationParams } from './operation.js';
import { runOperation } from './request/run-operation.js';
import type { OperationRequestOptions } from './request-options.js';
import type { RetryBudget } from './retry/retry-budget.js';

/**
 * The request executor the upkit clients are built on: runs operation descriptors with auth,
 * retries, timeouts, abort, typed errors, validation and redacted logging. Create it with
 * {@link createHttpClient}. Its configuration is out of reach (not a property: nothing to print,
 * serialise or change).
 */
export class HttpClient {
  constructor(config: HttpClientConfig) {
    bindConfig(this, resolveConfig(config));
  }

  /** The base URL requests are sent to (it never holds credentials). */
  get baseURL(): string {
    return configOf(this).baseURL.href;
  }

  /** The retry budget in use (pass it to another client's config to share it). */
  get retryBudget(): RetryBudget {
    return configOf(this).retryBudget;
  }

  /**
   * Runs an operation: fills and encodes the path, writes the query, validates the body, sends,
   * retries what is safe to retry, and validates the response.
   *
   * @returns an {@link APIPromise}: await it for the data, `.withResponse()` for the Response and
   *   request id too, `.asResponse()` for the Response alone, its body unread.
   */
  request<Op extends OperationDescriptor>(
    op: Op,
    params: OperationParams<Op> = {},
    options: OperationRequestOptions = {},
  ): APIPromise<OperationOutput<Op>> {
    const mode = { raw: false };
    const result = runOperation(this, op, params, options, mode);
    return new APIPromise(result as Promise<WithResponse<OperationOutput<Op>>>, mode);
  }
}

/** Creates the request executor. Throws a `ConfigurationError` for an unusable option. */
export function createHttpClient(config: HttpClientConfig): HttpClient {
  return new HttpClient(config);
}
