import { ScenarioApiError } from '../errors/scenario-api-error.js';
import { randomHex } from '../ids/random-id.js';

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
    const traceId = `1-${randomHex(4).toLowerCase()}-${randomHex(12).toLowerCase()}`;
    return new ScenarioApiError(500, { error: 'Internal Server Error', traceId }, headers);
  }
  const reason = { 502: 'Bad Gateway', 503: 'Service Unavailable' }[status] ?? `HTTP ${status}`;
  return new ScenarioApiError(status, { message: reason }, headers);
}
