import { toValidationIssues, type ValidationIssue } from '../errors/validation-issue.js';
import type { StandardSchemaV1 } from '../standard-schema.js';

/** The outcome of {@link validateSchema}: the schema's output, or issues with plain paths. */
export type SchemaResult<T> = { value: T; issues?: undefined } | { issues: ValidationIssue[] };

/**
 * Validates through the Standard Schema interface (zod, valibot, arktype… without importing any),
 * prefixing issue paths with `prefix` (e.g. `['body']`). Returns a promise only when the schema
 * validates asynchronously, so that a synchronous schema costs no extra turn of the event loop.
 */
export function validateSchema<S extends StandardSchemaV1>(
  schema: S,
  value: unknown,
  prefix: readonly (string | number)[] = [],
):
  | SchemaResult<StandardSchemaV1.InferOutput<S>>
  | Promise<SchemaResult<StandardSchemaV1.InferOutput<S>>> {
  const convert = (
    result: StandardSchemaV1.Result<StandardSchemaV1.InferOutput<S>>,
  ): SchemaResult<StandardSchemaV1.InferOutput<S>> =>
    result.issues ? { issues: toValidationIssues(result.issues, prefix) } : result;
  const result = schema['~standard'].validate(value);
  return result instanceof Promise ? result.then(convert) : convert(result);
}
