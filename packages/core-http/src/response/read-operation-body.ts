import type { ValidationMode } from '../client/client-options.js';
import { ResponseValidationError } from '../errors/response-validation-error.js';
import type { ValidationIssue } from '../errors/validation-issue.js';
import type { OperationDescriptor } from '../operation.js';
import type { CallContext } from '../transport/call-context.js';
import { validateSchema } from '../validation/validate-schema.js';
import { parseJsonBody } from './parse-json.js';
import { readBodyText, type BodyText } from './read-body-text.js';
import { requestIdFromHeaders } from './request-id.js';

/**
 * Reads a 2xx body of an operation, whole (so the per-attempt timeout covers it) but no more than
 * `maxResponseBytes`, and validates it in the given mode. No schema, HEAD, 204/205 or an empty
 * body: undefined. A body cut short is an `APIConnectionError` (so it is retried like one); a body
 * over the limit a `ResponseTooLargeError`, the rest unread.
 */
export async function readOperationBody(
  op: OperationDescriptor,
  response: Response,
  mode: ValidationMode,
  call: CallContext,
): Promise<unknown> {
  const { method, response: schema, operationId } = op;
  const { status } = response;
  let body: BodyText;
  try {
    body = await readBodyText(response, call.plan.settings.maxResponseBytes);
  } catch (cause) {
    throw call.bodyLost(cause);
  }
  if (!body.complete) throw call.tooLarge(response);
  const { text } = body;
  if (!schema || method === 'HEAD' || status === 204 || status === 205 || text === '') return;
  const fail = (payload: unknown, issues: readonly ValidationIssue[]): unknown => {
    const error = new ResponseValidationError({
      issues,
      payload,
      status,
      method,
      url: call.url(),
      operationId,
      requestId: requestIdFromHeaders(response.headers),
    });
    if (mode === 'strict') throw error;
    // Choosing 'warn' is the request to be told, so it does not depend on logLevel.
    call.cfg.logger.warn(error.message);
    return payload;
  };
  const data = parseJsonBody(text);
  if (mode === 'off') return data;
  // Only a body that is not JSON parses to itself (a JSON string keeps its quotes).
  if (data === text) return fail(text, [{ message: 'response body is not JSON', path: [] }]);
  const checked = validateSchema(schema, data);
  const result = checked instanceof Promise ? await checked : checked;
  return result.issues ? fail(data, result.issues) : result.value;
}
