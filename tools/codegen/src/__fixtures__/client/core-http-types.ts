/**
 * The core-http types a generated resources.ts imports, reduced to what its signatures need. The
 * checked-in client golden imports this file instead of `@upkit/core-http` (a tool must not depend
 * on a runtime package, and Nx would see the import); client.test.ts compiles fresh output against
 * the real core-http too.
 */
import type { StandardSchemaV1 } from '../../__golden__/uploads-3.1/standard-runtime.js';

export interface OperationDescriptor {
  readonly operationId: string;
  readonly method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly body: StandardSchemaV1 | undefined;
  readonly response: StandardSchemaV1 | undefined;
  readonly deprecated?: boolean;
}

export type OperationOutput<Op extends OperationDescriptor> =
  Op['response'] extends StandardSchemaV1
    ? StandardSchemaV1.InferOutput<Op['response']>
    : undefined;

export type OperationBody<Op extends OperationDescriptor> = Op['body'] extends StandardSchemaV1
  ? StandardSchemaV1.InferInput<Op['body']>
  : undefined;

export interface OperationParams<Op extends OperationDescriptor = OperationDescriptor> {
  path?: Record<string, string | number>;
  query?: Record<string, unknown>;
  body?: OperationBody<Op>;
}

export interface OperationRequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
  idempotencyKey?: string | boolean;
}

export interface APIPromise<T> extends Promise<T> {
  withResponse(): Promise<{ data: T; response: Response }>;
}
