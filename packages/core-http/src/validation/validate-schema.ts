import { toValidationIssues, type ValidationIssue } from '../errors/validation-issue.js';
import type { StandardSchemaV1 } from '../standard-schema.js';

/** The outcome of {@link validateSchema}. */
export type SchemaResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/**
 * Validates through the Standard Schema interface (zod, valibot, arktype… without importing any),
 * prefixing issue paths with `prefix` (e.g. `['body']`). Stays synchronous-cheap when the schema
 * validates synchronously, as zod does for schemas without async refinements.
 */
export async function validateSchema<S extends StandardSchemaV1>(
  schema: S,
  value: unknown,
  prefix: readonly (string | number)[] = [],
): Promise<SchemaResult<StandardSchemaV1.InferOutput<S>>> {
  let result = schema['~standard'].validate(value);
  if (result instanceof Promise) result = await result;
  if (result.issues) return { ok: false, issues: toValidationIssues(result.issues, prefix) };
  return { ok: true, value: result.value as StandardSchemaV1.InferOutput<S> };
}
