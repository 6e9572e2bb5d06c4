import type { StandardSchemaV1 } from './standard-schema.js';

/** The HTTP methods an operation can use. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API operation, as the generator emits it (a plain `as const` object, structurally assignable
 * to this type). core-http executes it with `client.request(op, params, options)`.
 */
export interface OperationDescriptor<
  TBody extends StandardSchemaV1 | undefined = StandardSchemaV1 | undefined,
  TResponse extends StandardSchemaV1 | undefined = StandardSchemaV1 | undefined,
> {
  /** As in the OpenAPI document. */
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Template, e.g. `/v1/workspaces/{workspaceId}/uploads/{id}`. */
  readonly path: string;
  /** Names, in template order. */
  readonly pathParams: readonly string[];
  /** Names. */
  readonly queryParams: readonly string[];
  /** Request body schema (validated strictly before sending), or undefined. */
  readonly body: TBody;
  /** Schema of the 2xx JSON body, or undefined (no body). */
  readonly response: TResponse;
  /** True if safe to retry a POST/PATCH. @default by method: GET, HEAD, PUT, DELETE are idempotent */
  readonly idempotent?: boolean;
  readonly deprecated?: boolean;
}

/** The value `request(op)` resolves to: the response schema's output, or undefined without one. */
export type OperationOutput<Op extends OperationDescriptor> =
  Op['response'] extends StandardSchemaV1
    ? StandardSchemaV1.InferOutput<Op['response']>
    : undefined;

/** The body `request(op)` accepts: the body schema's input, or nothing without one. */
export type OperationBody<Op extends OperationDescriptor> = Op['body'] extends StandardSchemaV1
  ? StandardSchemaV1.InferInput<Op['body']>
  : undefined;

/** The second argument of `client.request(op, params)`. */
export interface OperationParams<Op extends OperationDescriptor = OperationDescriptor> {
  /** Values for the `{name}` placeholders of the path template; always percent-encoded. */
  path?: Record<string, string | number>;
  /** Query parameters; see `serializeQuery` for how values are written. */
  query?: Record<string, unknown>;
  /** The JSON body; validated against the operation's body schema before anything is sent. */
  body?: OperationBody<Op>;
}

/** Methods that are safe to repeat, so retried by default. */
export function isIdempotentMethod(method: string): boolean {
  return /^(GET|HEAD|PUT|DELETE)$/.test(method);
}
