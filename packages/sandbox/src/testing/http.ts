import { request } from 'node:http';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { SandboxCredentials } from '../credentials.js';
import type { SandboxUrls } from '../sandbox-urls.js';

// Tests read deep into answers; their shape is checked separately, against the OpenAPI documents.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/**
 * Where a test's requests go: a listening sandbox (a `Sandbox`, reached with the global `fetch`),
 * or an in-process app, whose `fetch` is `app.request()`.
 */
export interface SandboxEndpoint extends SandboxUrls {
  readonly credentials: SandboxCredentials;
  readonly strict: boolean;
  readonly fetch?: (url: string, init?: RequestInit) => Promise<Response>;
}

export interface JsonResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Loose;
}

export const scenarioBasic = (sandbox: SandboxEndpoint) =>
  `Basic ${Buffer.from(`${sandbox.credentials.scenario.apiKey}:${sandbox.credentials.scenario.apiSecret}`).toString('base64')}`;

export const cadenyaBearer = (sandbox: SandboxEndpoint) =>
  `Bearer ${sandbox.credentials.cadenya.apiKey}`;

/** A request to the endpoint, over its socket or in-process. */
const fetchFrom = (sandbox: SandboxEndpoint, url: string, init: RequestInit) =>
  (sandbox.fetch ?? fetch)(url, init);

/** A JSON request and its answer; an empty answer reads as `{}`. */
async function jsonCall(
  sandbox: SandboxEndpoint,
  url: string,
  method: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<JsonResponse> {
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetchFrom(sandbox, url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Loose) : {},
  };
}

interface CallOptions {
  /** The Authorization header; `null` sends none. Defaults to the sandbox's credentials. */
  readonly auth?: string | null;
  readonly body?: unknown;
}

const API = {
  scenario: { base: (s: SandboxEndpoint) => s.scenarioBaseUrl, auth: scenarioBasic },
  cadenya: { base: (s: SandboxEndpoint) => s.cadenyaBaseUrl, auth: cadenyaBearer },
} as const;

/** A JSON call to one of the emulated APIs, with that API's dev credential unless told otherwise. */
const apiCaller =
  (api: keyof typeof API) =>
  (
    sandbox: SandboxEndpoint,
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<JsonResponse> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    const auth = options.auth === undefined ? API[api].auth(sandbox) : options.auth;
    if (auth !== null) headers['authorization'] = auth;
    return jsonCall(sandbox, `${API[api].base(sandbox)}${path}`, method, headers, options.body);
  };

/** Calls the Scenario API (path relative to `/scenario/v1`). */
export const scenarioCall = apiCaller('scenario');

/** Calls the Cadenya API (path relative to `/cadenya`). */
export const cadenyaCall = apiCaller('cadenya');

/** Calls the inspection API. */
export function inspect(
  sandbox: SandboxEndpoint,
  method: string,
  path: string,
  body?: unknown,
): Promise<JsonResponse> {
  return jsonCall(sandbox, `${sandbox.inspectionUrl}${path}`, method, {}, body);
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

export interface RawRequest {
  readonly method?: string;
  readonly headers?: OutgoingHttpHeaders;
  readonly body?: Buffer | string | Readable;
}

/**
 * A request through node:http (not fetch): full control over headers such as Content-Length,
 * streamed bodies with backpressure. PUT unless told otherwise.
 */
export function httpRequest(url: string, options: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'PUT', headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const body = options.body;
    if (body instanceof Readable) {
      pipeline(body, req).catch(reject);
    } else {
      req.end(body);
    }
  });
}

/**
 * A request as {@link httpRequest} sends it (PUT unless told otherwise), to a listening sandbox
 * through node:http, to an in-process one through its `fetch`, answered alike. Headers are sent
 * as given: a PUT to storage names its Content-Length.
 */
export async function send(
  sandbox: SandboxEndpoint,
  url: string,
  options: Omit<RawRequest, 'body'> & { readonly body?: Buffer | string } = {},
): Promise<RawResponse> {
  if (!sandbox.fetch) return httpRequest(url, options);
  const headers = Object.fromEntries(
    Object.entries(options.headers ?? {}).map(([name, value]) => [name, String(value)]),
  );
  const body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
  const response = await sandbox.fetch(url, {
    method: options.method ?? 'PUT',
    headers,
    ...(body ? { body: new Uint8Array(body) } : {}),
  });
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    text: await response.text(),
  };
}

/** Parses an S3 `<Error>` document into its elements. */
export function parseS3Error(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of xml.matchAll(/<(\w[\w-]*)>([^<]*)<\/\1>/g)) out[match[1]!] = match[2]!;
  return out;
}

/**
 * Polls `read` until `done` holds or the time runs out. The limit is a hang guard (a busy machine
 * only makes the wait longer), so the caller's assertion on the value is the verdict.
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
