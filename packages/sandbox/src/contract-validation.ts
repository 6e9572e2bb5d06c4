import { ContractViolation } from './errors/contract-violation.js';

/** The result of checking a received body against a request schema. */
export type Validation<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** The part of Standard Schema v1 the sandbox uses (zod 4 schemas implement it). */
export interface SchemaLike<T> {
  readonly '~standard': {
    readonly validate: (value: unknown) =>
      | { readonly value: T; readonly issues?: undefined }
      | {
          readonly issues: readonly {
            readonly message: string;
            readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[];
          }[];
        }
      | Promise<unknown>;
  };
}

function describeIssues(
  issues: readonly {
    readonly message: string;
    readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[];
  }[],
): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = (issue.path ?? [])
        .map((p) => String(typeof p === 'object' && p !== null ? p.key : p))
        .join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** Validates synchronously through the Standard Schema interface. */
export function validateWith<T>(schema: SchemaLike<T>, value: unknown): Validation<T> {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) throw new TypeError('Asynchronous schemas are not supported');
  const r = result as { value?: T; issues?: Parameters<typeof describeIssues>[0] };
  if (r.issues) return { ok: false, message: describeIssues(r.issues) };
  return { ok: true, value: r.value as T };
}

/** Checks an outgoing body; a failure is a bug in the sandbox, never the client's fault. */
export function assertSends(schema: SchemaLike<unknown>, value: unknown, what: string): void {
  const result = validateWith(schema, value);
  if (!result.ok)
    throw new ContractViolation(`The sandbox built an invalid ${what}: ${result.message}`);
}

/** A check of outgoing answers by operation, each against its response schema. */
export function responseCheck<Operation extends string>(
  schemas: Readonly<Record<Operation, SchemaLike<unknown>>>,
): (operation: Operation, body: unknown) => void {
  return (operation, body) => assertSends(schemas[operation], body, `${operation} response`);
}

/** A check of one kind of outgoing body (an API's error body). */
export function bodyCheck(schema: SchemaLike<unknown>, what: string): (body: unknown) => void {
  return (body) => assertSends(schema, body, what);
}
