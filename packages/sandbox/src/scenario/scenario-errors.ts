import { ScenarioApiError } from '../errors/scenario-api-error.js';
import { randomHex } from '../ids/random-id.js';

/** An X-Ray style trace id, as the document's 400 and 500 examples carry it. */
const xrayTraceId = () => `1-${randomHex(4).toLowerCase()}-${randomHex(12).toLowerCase()}`;

/** 400 `invalid_argument`, with a `traceId`. */
export const invalidArgument = (message: string) =>
  new ScenarioApiError(400, { message, reason: 'invalid_argument', traceId: xrayTraceId() });

/** 404 as Scenario answers it: `code: NOT_FOUND` and a snake_case `trace_id`. */
export const notFound = (message: string) =>
  new ScenarioApiError(404, { message, code: 'NOT_FOUND', trace_id: randomHex(8).toLowerCase() });

/** 404 for an upload the caller's project does not have. */
export const uploadNotFound = (uploadId: string) => notFound(`Upload ${uploadId} not found`);

/** 409 for an action on an upload that is no longer pending. */
export const uploadNotPending = () =>
  new ScenarioApiError(409, { message: 'Upload is not pending', reason: 'upload_not_pending' });

/** 413 for a request body over the sandbox's JSON limit. */
export const bodyTooLarge = () => new ScenarioApiError(413, { message: 'Request body too large' });

/**
 * A Scenario 5xx, shaped as `scenario.yaml`'s examples show it: 500 is `{error: "Internal Server
 * Error", traceId}` (an X-Ray style id, no message), any other status `{message}` (e.g. "Service
 * Unavailable"); `status` is added when answering.
 */
export function scenarioServerError(
  status: number,
  headers: Readonly<Record<string, string>> = {},
): ScenarioApiError {
  if (status === 500) {
    return new ScenarioApiError(
      500,
      { error: 'Internal Server Error', traceId: xrayTraceId() },
      headers,
    );
  }
  const reason = { 502: 'Bad Gateway', 503: 'Service Unavailable' }[status] ?? `HTTP ${status}`;
  return new ScenarioApiError(status, { message: reason }, headers);
}
