import { RequestValidationError } from '../errors/request-validation-error.js';

/** `JSON.stringify`, with a cycle or a bigint reported as a {@link RequestValidationError}. */
export function serializeJson(value: unknown, operationId: string | undefined): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw new RequestValidationError(
      [
        {
          message: `cannot be serialised as JSON: ${error instanceof Error ? error.message : String(error)}`,
          path: ['body'],
        },
      ],
      operationId === undefined ? {} : { operationId },
    );
  }
}
