import { invalidRequest } from '../errors/request-validation-error.js';

/** `JSON.stringify`, with a cycle or a bigint reported as a {@link RequestValidationError}. */
export function serializeJson(value: unknown, operationId?: string): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw invalidRequest(
      'body',
      undefined,
      `cannot be serialised as JSON: ${String(error)}`,
      operationId,
    );
  }
}
