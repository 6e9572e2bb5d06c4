import { APIPromise, type WithResponse } from './api-promise.js';
import type { HttpClientConfig } from './config/client-config.js';
import { resolveConfig, type ResolvedConfig } from './config/resolve-config.js';
import { invalidRequest, RequestValidationError } from './errors/request-validation-error.js';
import type { OperationDescriptor, OperationOutput, OperationParams } from './operation.js';
import { serializeJson } from './request/serialize-json.js';
import type { OperationRequestOptions, RequestOptions } from './request-options.js';
import { readOperationBody } from './response/read-operation-body.js';
import type { RetryBudget } from './retry/retry-budget.js';
import { execute } from './transport/execute.js';
import { buildUrl } from './url/build-url.js';
import { buildPath } from './url/encode-path.js';
import { parseBaseUrl } from './url/parse-base-url.js';
import { serializeQuery } from './url/serialize-query.js';
import { validateSchema } from './validation/validate-schema.js';

/**
 * A client's resolved configuration, for core-http's own functions that run on a client
 * (`send`); set by HttpClient's static block, not exported from the package.
 */
export let configOf: (client: HttpClient) => ResolvedConfig;

/**
 * The request executor the upkit clients are built on: runs operation descriptors with auth,
 * retries, timeouts, abort, typed errors, validation and redacted logging. Create it with
 * {@link createHttpClient}.
 */
export class HttpClient {
  readonly #config: ResolvedConfig;

  constructor(config: HttpClientConfig) {
    this.#config = resolveConfig(config);
  }

  /** The base URL requests are sent to (it never holds credentials). */
  get baseUrl(): string {
    return this.#config.baseUrl.href;
  }

  /** The retry budget in use (pass it to another client's config to share it). */
  get retryBudget(): RetryBudget {
    return this.#config.retryBudget;
  }

  /**
   * Runs an operation: fills and encodes the path, writes the query, validates the body, sends,
   * retries what is safe to retry, and validates the response.
   *
   * @returns an {@link APIPromise}: await it for the data, or `.withResponse()` for the Response too.
   */
  request<Op extends OperationDescriptor>(
    op: Op,
    params: OperationParams<Op> = {},
    options: OperationRequestOptions = {},
  ): APIPromise<OperationOutput<Op>> {
    return new APIPromise(
      this.#operation(op, params, options) as Promise<WithResponse<OperationOutput<Op>>>,
    );
  }

  async #operation(
    op: OperationDescriptor,
    params: OperationParams,
    options: OperationRequestOptions,
  ): Promise<WithResponse<unknown>> {
    const cfg = this.#config;
    const { operationId } = op;
    const query = serializeQuery(
      options.query ? { ...params.query, ...options.query } : params.query,
    );
    const url = buildUrl(
      baseFor(cfg, options),
      buildPath(op.path, params.path, operationId),
      query,
    );
    let body: string | null = null;
    if (op.body) {
      const checked = await validateSchema(op.body, params.body, ['body']);
      if (checked.issues) throw new RequestValidationError(checked.issues, { operationId });
      if (checked.value !== undefined) body = serializeJson(checked.value, operationId);
    } else if (params.body !== undefined) {
      throw invalidRequest('body', undefined, 'this operation takes no request body', operationId);
    }
    const headers = new Headers(cfg.operationHeaders);
    if (body) headers.set('content-type', 'application/json');
    const mode = options.validation ?? cfg.validation;
    const { method, idempotent } = op;
    const prepared = { method, url, headers, body, operationId, idempotent, trusted: true };
    // `return await`: resolving with a value takes two turns of the event loop fewer than resolving
    // with a promise.
    return await execute(cfg, prepared, options, (response, _, safeUrl) =>
      readOperationBody(op, response, mode, safeUrl, cfg.logger),
    );
  }

  static {
    configOf = (client) => client.#config;
  }
}

/** The base URL of one call: the per-call override, checked like the client's, or the client's. */
export function baseFor(cfg: ResolvedConfig, options: RequestOptions): URL {
  return options.baseUrl === undefined
    ? cfg.baseUrl
    : parseBaseUrl(options.baseUrl, cfg.allowInsecureHttp);
}

/** Creates the request executor. Throws a `ConfigurationError` for an unusable option. */
export function createHttpClient(config: HttpClientConfig): HttpClient {
  return new HttpClient(config);
}
