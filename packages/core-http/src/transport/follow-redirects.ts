import { RedirectError, type RedirectRefusal } from '../errors/redirect-error.js';
import { isReplayableBody } from '../request/is-replayable-body.js';
import { requestIdFromHeaders } from '../response/request-id.js';
import { urlProblem } from '../url/parse-base-url.js';

/** One request of a redirect chain. */
export interface Hop {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
}

/** How a chain of redirects may go. */
export interface RedirectRules {
  readonly maxRedirects: number;
  readonly allowInsecureHttp: boolean;
  /** The headers a hop to `url` carries: all of the request's in the credential scope, fewer elsewhere. */
  headersFor(url: URL): Headers;
  /** A URL as errors show it. */
  redact(url: string): string;
}

/** The headers that describe a body, dropped with it when a redirect turns the request into a GET. */
const BODY_HEADERS = ['content-type', 'content-encoding', 'content-language', 'content-location'];

/**
 * Sends `first` with `send` (a fetch with `redirect: 'manual'`) and follows redirects itself, so
 * that it decides what each hop carries (fetch's own following keeps custom headers, API keys
 * among them, across origins). 303, and 301/302 after a POST, become a body-less GET, as fetch does;
 * 307 and 308 repeat the method and body. A redirect that cannot be followed safely is a
 * {@link RedirectError}: past `maxRedirects`, from https to http, to a URL that is not a usable
 * http(s) target (plain http to a remote host included), with a streamed body, or hidden by the
 * runtime (a browser's `opaqueredirect`).
 */
export async function followRedirects(
  send: (hop: Hop) => Promise<Response>,
  first: Hop,
  rules: RedirectRules,
): Promise<Response> {
  let hop = first;
  for (let redirects = 0; ; redirects++) {
    const response = await send(hop);
    const { status } = response;
    const location = isRedirect(status) ? response.headers.get('location') : null;
    if (location === null && response.type !== 'opaqueredirect') return response;
    const target = location === null ? undefined : parseTarget(location, hop.url);
    const reason = refusalReason(hop, status, location, target, redirects, rules);
    // Nobody reads a redirect's body: let the connection go.
    await response.body?.cancel().catch(() => {});
    if (reason) throw refusal(response, hop, reason, target && rules.redact(target.href), rules);
    const toGet =
      (status === 303 && hop.method !== 'HEAD') || (status < 303 && hop.method === 'POST');
    const headers = rules.headersFor(target!);
    if (toGet) {
      const stripped = new Headers(headers);
      for (const name of BODY_HEADERS) stripped.delete(name);
      hop = { method: 'GET', url: target!.href, headers: stripped, body: null };
    } else {
      hop = { ...hop, url: target!.href, headers };
    }
  }
}

/** Why the redirect must not be followed, or undefined when it may. */
function refusalReason(
  hop: Hop,
  status: number,
  location: string | null,
  target: URL | undefined,
  redirects: number,
  rules: RedirectRules,
): RedirectRefusal | undefined {
  if (location === null) return 'hidden';
  if (redirects >= rules.maxRedirects) return 'limit';
  if (hop.url.startsWith('https:') && target?.protocol === 'http:') return 'downgrade';
  if (!target || urlProblem(target, rules.allowInsecureHttp)) return 'unsafe-target';
  if (status > 303 && !isReplayableBody(hop.body)) return 'unreplayable-body';
  return undefined;
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function parseTarget(location: string, base: string): URL | undefined {
  try {
    return new URL(location, base);
  } catch {
    return undefined;
  }
}

function refusal(
  response: Response,
  hop: Hop,
  reason: RedirectRefusal,
  location: string | undefined,
  rules: RedirectRules,
): RedirectError {
  const { status, statusText, headers } = response;
  return new RedirectError({
    status,
    statusText,
    headers,
    body: undefined,
    method: hop.method,
    url: rules.redact(hop.url),
    requestId: requestIdFromHeaders(headers),
    reason,
    location,
  });
}
