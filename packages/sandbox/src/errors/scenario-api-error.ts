/**
 * A refusal of the emulated Scenario API, answered as JSON with `status` (Scenario's error bodies
 * are not uniform; each refusal carries the fields the OpenAPI document's examples show).
 */
export class ScenarioApiError extends Error {
  override readonly name = 'ScenarioApiError';

  constructor(
    /** The HTTP status. */
    readonly status: number,
    /** The JSON body, without `status` (added when answering). */
    readonly body: Readonly<Record<string, unknown>>,
    /** Extra response headers, e.g. `Retry-After`. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(typeof body['message'] === 'string' ? body['message'] : `HTTP ${status}`);
  }
}
