import type { ResponseMode, WithResponse } from '../api-promise.js';
import { configOf } from '../client/config-of.js';
import { resolveSettings } from '../config/resolve-settings.js';
import type { ValidationIssue } from '../errors/validation-issue.js';
import type { OperationDescriptor, OperationParams } from '../operation.js';
import type { OperationRequestOptions } from '../request-options.js';
import { readOperationBody } from '../response/read-operation-body.js';
import { releaseOnBodyEnd } from '../response/release-on-body-end.js';
import { planCall } from '../transport/call-plan.js';
import { execute } from '../transport/execute.js';
import { buildUrl } from '../url/build-url.js';
import { buildPath } from '../url/encode-path.js';
import { serializeQuery } from '../url/serialize-query.js';
import { validateSchema } from '../validation/validate-schema.js';
import { serializeJson } from './serialize-json.js';

/**
 * Runs an operation on `client`: fills and encodes the path, writes the query, validates the body
 * (every problem reported at once), sends, retries what is safe to retry, and reads and validates
 * the response, or, when `mode.raw` is set by the time the headers arrive, hands it over unread.
 */
export async function runOperation(
  client: object,
  op: OperationDescriptor,
  params: OperationParams,
  options: OperationRequestOptions,
  mode: ResponseMode,
): Promise<WithResponse<unknown>> {
  const cfg = configOf(client);
  const { operationId, method, idempotent } = op;
  const settings = resolveSettings(options, cfg, cfg.allowInsecureHttp);
  const issues: ValidationIssue[] = [];
  const path = buildPath(op.path, params.path, issues);
  const query = options.query ? { ...params.query, ...options.query } : params.query;
  const url = buildUrl(settings.baseURL, path, serializeQuery(query, issues));
  let body: string | null = null;
  if (op.body) {
    const checked = await validateSchema(op.body, params.body, ['body']);
    if (checked.issues) issues.push(...checked.issues);
    else if (checked.value !== undefined) body = serializeJson(checked.value, issues);
  } else if (params.body !== undefined) {
    issues.push({ message: 'this operation takes no request body', path: ['body'] });
  }
  const contentType = body === null ? undefined : 'application/json';
  const parts = { method, url, body, contentType, operationId, idempotent, trusted: true };
  const plan = planCall(cfg, settings, parts, options, true, issues);
  let raw: Response | undefined;
  const result = await execute(cfg, plan, async (response, keep, call) => {
    if (!mode.raw) return readOperationBody(op, response, settings.validation, call);
    raw = releaseOnBodyEnd(response, keep());
    return undefined;
  });
  return raw ? { ...result, response: raw } : result;
}
