import type { ValidationMode } from '../config/client-config.js';
import { APIConnectionError } from '../errors/api-connection-error.js';
import { ResponseValidationError } from '../errors/response-validation-error.js';
import type { Logger } from '../logging/logger.js';
import type { OperationDescriptor } from '../operation.js';
import { validateSchema } from '../validation/validate-schema.js';
import { parseJsonBody } from './parse-json.js';
import { requestIdFromHeaders } from './request-id.js';

/**
 * Reads a 2xx body of an operation, whole (so the per-attempt timeout covers it), and validates it
 * in the given mode. No schema, HEAD, 204/205 or an empty body: undefined. A body cut short is an
 * `APIConnectionError` (so it is retried like one).
 */
export async function readOperationBody(
  op: OperationDescriptor,
  response: Response,
  mode: ValidationMode,
  safeUrl: () => string,
  logger: Logger,
): Promise<unknown> {
  const schema = op.response;
  const noBody = op.method === 'HEAD' || response.status === 204 || response.status === 205;
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new APIConnectionError({
      method: op.method,
      url: safeUrl(),
      message: 'connection lost while reading the response body',
      cause: error,
    });
  }
  if (!schema || noBody) return undefined;
  const parsed = parseJsonBody(text);
  const fail = (payload: unknown, issues: ResponseValidationError['issues']) => {
    const error = new ResponseValidationError({
      issues,
      payload,
      status: response.status,
      method: op.method,
      url: safeUrl(),
      operationId: op.operationId,
      requestId: requestIdFromHeaders(response.headers),
    });
    if (mode === 'strict') throw error;
    // Choosing 'warn' is the request to be told, so it does not depend on logLevel.
    logger.warn(error.message);
    return payload;
  };
  if (!parsed.ok) {
    if (mode === 'off') return parsed.text;
    return fail(parsed.text, [{ message: 'response body is not JSON', path: [] }]);
  }
  if (parsed.value === undefined || mode === 'off') return parsed.value;
  const checked = await validateSchema(schema, parsed.value);
  return checked.ok ? checked.value : fail(parsed.value, checked.issues);
}
