import { request } from 'node:http';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Sandbox } from '../sandbox.js';

// Tests read deep into answers; their shape is checked separately, against the OpenAPI documents.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

export interface JsonResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Loose;
}

export const scenarioBasic = (sandbox: Sandbox) =>
  `Basic ${Buffer.from(`${sandbox.credentials.scenario.apiKey}:${sandbox.credentials.scenario.apiSecret}`).toString('base64')}`;

export const cadenyaBearer = (sandbox: Sandbox) => `Bearer ${sandbox.credentials.cadenya.apiKey}`;

async function json(response: Response): Promise<JsonResponse> {
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

/** A JSON call to one of the emulated APIs, with that API's dev credential unless told otherwise. */
async function apiCall(
  baseUrl: string,
  defaultAuth: string,
  method: string,
  path: string,
  options: CallOptions,
): Promise<JsonResponse> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const auth = options.auth === undefined ? defaultAuth : options.auth;
  if (auth !== null) headers['authorization'] = auth;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return json(
    await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }),
  );
}

/** Calls the Scenario API (path relative to `/scenario/v1`). */
export function scenarioCall(
  sandbox: Sandbox,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<JsonResponse> {
  return apiCall(sandbox.scenarioBaseUrl, scenarioBasic(sandbox), method, path, options);
}

/** Calls the Cadenya API (path relative to `/cadenya`). */
export function cadenyaCall(
  sandbox: Sandbox,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<JsonResponse> {
  return apiCall(sandbox.cadenyaBaseUrl, cadenyaBearer(sandbox), method, path, options);
}

/** Calls the inspection API. */
export async function inspect(
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<JsonResponse> {
  return json(
    await fetch(`${sandbox.inspectionUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

/**
 * A request through node:http (not fetch): full control over headers such as Content-Length,
 * streamed bodies with backpressure.
 */
export function httpRequest(
  url: string,
  options: {
    method?: string;
    headers?: OutgoingHttpHeaders;
    body?: Buffer | string | Readable;
  } = {},
): Promise<RawResponse> {
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
