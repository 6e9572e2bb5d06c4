// Test support: a fetch that answers from a function instead of a socket, for tests where the
// socket is not the point (timeouts on virtual time, redirects to https hosts, huge bodies).

/** What the fake fetch saw of one request (one hop of a redirect chain is one request). */
export interface FakeRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | null;
  readonly init: RequestInit;
}

/** Answers one request; `index` counts every request the fake fetch has seen, from 0. */
export type FakeRoute = (request: FakeRequest, index: number) => Response | Promise<Response>;

/** What `follow` redirects drop when they change origin (as undici does). */
const CROSS_ORIGIN_DROPPED = ['authorization', 'proxy-authorization', 'cookie', 'host'];

/**
 * A fetch over `route`, recording every request. It behaves like the platform's fetch where core-http
 * can tell: it rejects with the signal's reason when the signal aborts (also while `route` is still
 * answering), and with `redirect: 'follow'` (fetch's default) it follows redirects itself as undici
 * does, dropping only the headers undici drops across origins.
 */
export function fakeFetch(route: FakeRoute): {
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  requests: FakeRequest[];
} {
  const requests: FakeRequest[] = [];
  const once = async (url: string, init: RequestInit): Promise<Response> => {
    const { signal } = init;
    if (signal?.aborted) throw signal.reason;
    const body = init.body == null ? null : await new Response(init.body).text();
    const request = {
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body,
      init,
    };
    const index = requests.push(request) - 1;
    const answer = Promise.resolve(route(request, index));
    if (!signal) return answer;
    const response = await new Promise<Response>((resolve, reject) => {
      const abort = () => reject(signal.reason);
      signal.addEventListener('abort', abort, { once: true });
      answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
    });
    // As with a real fetch, the signal also cuts the body short.
    if (!response.body) return response;
    const cut = response.body.pipeThrough(new TransformStream(), { signal });
    return new Response(cut, response);
  };
  const fetch = async (url: string, init: RequestInit = {}): Promise<Response> => {
    let current = { url, init };
    for (let hop = 0; ; hop++) {
      const response = await once(current.url, current.init);
      const location = response.headers.get('location');
      if (current.init.redirect === 'manual' || !location || !isRedirect(response.status)) {
        return response;
      }
      if (hop === 20) throw new TypeError('fetch failed: redirect count exceeded');
      const next = new URL(location, current.url);
      const headers = new Headers(current.init.headers);
      if (next.origin !== new URL(current.url).origin) {
        for (const name of CROSS_ORIGIN_DROPPED) headers.delete(name);
      }
      const toGet =
        response.status === 303 || (current.init.method === 'POST' && response.status < 303);
      current = {
        url: next.href,
        init: {
          ...current.init,
          headers,
          ...(toGet ? { method: 'GET', body: null } : {}),
        },
      };
    }
  };
  return { fetch, requests };
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** A response redirecting to `location`. */
export function redirectTo(location: string, status = 302): Response {
  return new Response(null, { status, headers: { location } });
}

/** A JSON response. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
