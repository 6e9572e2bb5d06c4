import { APIConnectionError } from '../errors/api-connection-error.js';
import { levelEnabled } from '../logging/logger.js';
import { redactHeaders } from '../logging/redact-headers.js';
import type { MiddlewareRequest } from '../middleware.js';
import { isReplayableBody } from '../request/is-replayable-body.js';
import { requestIdFromHeaders } from '../response/request-id.js';
import { inCredentialScope } from '../url/credential-scope.js';
import { redactUrl } from '../url/redact-url.js';
import type { CallContext } from './call-context.js';
import { followRedirects, type Hop } from './follow-redirects.js';

/**
 * The end of the middleware chain: the fetch itself, redirects followed by hand (each hop to a URL
 * outside the credential scope carries the call's foreign headers only), every hop logged (what the
 * wire said) and its failure typed.
 */
export function dispatch(call: CallContext, request: MiddlewareRequest): Promise<Response> {
  const { cfg, plan } = call;
  const redact = (url: string) => redactUrl(url, cfg.redaction.query);
  return followRedirects((hop) => fetchHop(call, request, hop), request, {
    maxRedirects: cfg.maxRedirects,
    allowInsecureHttp: cfg.allowInsecureHttp,
    headersFor: (url) =>
      plan.trusted && inCredentialScope(url, plan.settings.baseURL)
        ? request.headers
        : plan.foreignHeaders(),
    redact,
  });
}

async function fetchHop(
  call: CallContext,
  request: MiddlewareRequest,
  hop: Hop,
): Promise<Response> {
  const { cfg, plan } = call;
  const { method, url, headers, body } = hop;
  const { redaction } = cfg;
  // Redacted once, and only when logged: parsing the URL is not free.
  const line =
    levelEnabled(cfg.logLevel, 'debug') && `${method} ${redactUrl(url, redaction.query)}`;
  if (line) {
    cfg.logger.debug(`→ ${line} (attempt ${request.attempt}/${request.maxAttempts})`, {
      headers: redactHeaders(headers, redaction.headers),
    });
  }
  // core-http's own fields last: `fetchOptions` cannot carry them (see mergeFetchOptions).
  const init: RequestInit & { duplex?: 'half' } = {
    ...plan.settings.fetchOptions,
    method,
    headers,
    body,
    signal: request.signal,
    redirect: 'manual',
  };
  // A streamed body needs `duplex: 'half'` (Node's fetch refuses it otherwise).
  if (!isReplayableBody(body)) init.duplex = 'half';
  const started = cfg.now();
  let response: Response;
  try {
    response = await (cfg.fetch ?? globalThis.fetch)(url, init);
  } catch (cause) {
    throw new APIConnectionError({ method, url: redactUrl(url, redaction.query), cause });
  }
  if (line) {
    const { status, headers: received } = response;
    cfg.logger.debug(`← ${status} ${line} (${cfg.now() - started} ms)`, {
      headers: redactHeaders(received, redaction.headers),
      requestId: requestIdFromHeaders(received),
    });
  }
  return response;
}
