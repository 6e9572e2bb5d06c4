import { configOf } from './client/config-of.js';
import { resolveSettings } from './config/resolve-settings.js';
import type { ValidationIssue } from './errors/validation-issue.js';
import type { HttpClient } from './http-client.js';
import { serializeJson } from './request/serialize-json.js';
import type { SendOptions } from './request-options.js';
import { releaseOnBodyEnd } from './response/release-on-body-end.js';
import { planCall } from './transport/call-plan.js';
import { execute } from './transport/execute.js';
import { inCredentialScope } from './url/credential-scope.js';
import { resolveTargetUrl } from './url/resolve-target-url.js';
import { serializeQuery } from './url/serialize-query.js';

/**
 * Sends, on `client`, a request that is not an operation (a presigned PUT, a URL a response pointed
 * to) with the same retries, timeouts, abort, middleware, logging and error mapping as
 * `client.request`. Auth and the client's default headers go only to URLs under the base URL's
 * path, and never with a presigned URL (one signed in its query), wherever it points. Resolves to
 * the raw 2xx Response, whose body is yours to read; rejects with an `APIError` otherwise (an S3
 * XML error body gives `code` and `serverMessage`).
 *
 * A function rather than a method, so that an app that never sends raw requests does not ship it.
 *
 * ```ts
 * await send(http, { method: 'PUT', url: presignedUrl, body: bytes });
 * ```
 *
 * @throws ConfigurationError for a client from another copy of `@upkit/core-http`.
 */
export async function send(client: HttpClient, options: SendOptions): Promise<Response> {
  const cfg = configOf(client);
  const settings = resolveSettings(options, cfg, cfg.allowInsecureHttp);
  const issues: ValidationIssue[] = [];
  const query = serializeQuery(options.query, issues);
  const target = resolveTargetUrl(
    options.url,
    settings.baseURL,
    query,
    cfg.allowInsecureHttp,
    issues,
  );
  let body = options.body ?? null;
  let contentType: string | undefined;
  if (options.json !== undefined) {
    if (body !== null) issues.push({ message: 'pass either body or json', path: ['body'] });
    body = serializeJson(options.json, issues);
    contentType = 'application/json';
  }
  const { method, idempotent } = options;
  const trusted = !!target && inCredentialScope(target, settings.baseURL);
  const parts = { method, url: target?.href ?? '', body, contentType, idempotent, trusted };
  const plan = planCall(cfg, settings, parts, options, false, issues);
  const result = await execute(cfg, plan, async (response, keep) =>
    releaseOnBodyEnd(response, keep()),
  );
  return result.data;
}
