import { baseFor, configOf, type HttpClient } from './http-client.js';
import { ConfigurationError } from './errors/configuration-error.js';
import { invalidRequest } from './errors/request-validation-error.js';
import { serializeJson } from './request/serialize-json.js';
import type { SendOptions } from './request-options.js';
import { releaseOnBodyEnd } from './response/release-on-body-end.js';
import { execute } from './transport/execute.js';
import { resolveTargetUrl } from './url/resolve-target-url.js';
import { serializeQuery } from './url/serialize-query.js';

/**
 * Sends, on `client`, a request that is not an operation (a presigned PUT, a URL a response pointed
 * to) with the same retries, timeouts, abort, middleware, logging and error mapping as
 * `client.request`. Auth and the client's headers go only to the base URL's origin. Resolves to the
 * raw 2xx Response, whose body is yours to read; rejects with an `APIError` otherwise (an S3 XML
 * error body gives `code` and `serverMessage`).
 *
 * A function rather than a method, so that an app that never sends raw requests does not ship it.
 *
 * ```ts
 * await send(http, { method: 'PUT', url: presignedUrl, body: bytes });
 * ```
 */
export async function send(client: HttpClient, options: SendOptions): Promise<Response> {
  const cfg = configOfClient(client);
  const base = baseFor(cfg, options);
  const query = serializeQuery(options.query);
  const url = resolveTargetUrl(options.url, base, query, cfg.allowInsecureHttp);
  // resolveTargetUrl normalises an absolute URL, so a prefix test compares origins.
  const trusted = url.startsWith(`${base.origin}/`);
  const headers = new Headers(trusted ? cfg.headers : cfg.foreignHeaders);
  let body = options.body ?? null;
  if (options.json !== undefined) {
    if (body !== null) throw invalidRequest('body', undefined, 'pass either body or json');
    body = serializeJson(options.json);
    headers.set('content-type', 'application/json');
  }
  const { method, idempotent } = options;
  const prepared = { method, url, headers, body, idempotent, trusted };
  const result = await execute(cfg, prepared, options, async (response, keep) =>
    releaseOnBodyEnd(response, keep()),
  );
  return result.data;
}

/** The client's config; a client from another copy of core-http has none this copy can read. */
function configOfClient(client: HttpClient) {
  try {
    return configOf(client);
  } catch (error) {
    throw new ConfigurationError(
      'send: the client was created by another copy of @upkit/core-http; pass one from the copy send comes from',
      { option: 'client', cause: error },
    );
  }
}
