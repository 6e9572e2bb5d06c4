import { brand } from './brand.js';
import { requestPrefix, UpkitError } from './upkit-error.js';

/** What an {@link APIError} is built from (see `createAPIError`, which picks the subclass). */
export interface APIErrorInit {
  status: number;
  /** Reason phrase; filled from a table when the server sent none (HTTP/2). */
  statusText: string;
  headers: Headers;
  /** Parsed JSON, or the text when the body was not JSON (HTML, XML), or undefined when empty. */
  body: unknown;
  method: string;
  /** Already redacted. */
  url: string;
  /** The server's message, from whichever field the vendor used. */
  serverMessage?: string | undefined;
  /** `NOT_FOUND`, `InvalidArgument`, `AccessDenied`… (gRPC codes are mapped to their names). */
  code?: string | undefined;
  /** The google.rpc.Status code number, when the body was one. */
  grpcCode?: number | undefined;
  details?: unknown;
  requestId?: string | undefined;
  /** How long the server asked to wait before a retry, in ms (already parsed, once). */
  retryAfterMs?: number | undefined;
}

/** The fields an APIError keeps of its init. */
const FIELDS =
  'status statusText headers body method url requestId code grpcCode details serverMessage retryAfterMs'.split(
    ' ',
  ) as (keyof APIErrorInit)[];

/**
 * The server answered with a status outside 2xx. Subclasses exist for 400, 401, 403, 404, 409, 422,
 * 429 and 5xx; any other status is a plain `APIError`.
 *
 * The message reads `GET https://api.x.com/v1/uploads/upload_1 → 404 Not Found: Upload not found
 * (request id: abc)`, with the URL's query redacted.
 */
export class APIError extends UpkitError {
  declare readonly status: number;
  declare readonly statusText: string;
  /** The response headers. */
  declare readonly headers: Headers;
  /** Parsed JSON, the raw text when it was not JSON, or undefined when empty. */
  declare readonly body: unknown;
  declare readonly method: string;
  /** The request URL with credentials and non-allowlisted query values redacted. */
  declare readonly url: string;
  /** From `x-request-id`, `x-amzn-requestid`, `x-amz-request-id`, `request-id` or the body's trace id. */
  declare readonly requestId: string | undefined;
  /** The server's error code, e.g. `NOT_FOUND` (gRPC numbers are mapped to names). */
  declare readonly code: string | undefined;
  /** The numeric google.rpc.Status code (Cadenya), when the body was one. */
  declare readonly grpcCode: number | undefined;
  /** The body's `details`, when present. */
  declare readonly details: unknown;
  /** The server's own message, without the method/URL/status prefix. */
  declare readonly serverMessage: string | undefined;
  /**
   * How long the server asked to wait before a retry, in ms, whatever the status: from
   * `retry-after-ms`, `Retry-After` (seconds or an HTTP date) or Scenario's body field
   * `remainingSeconds`. Undefined if it did not say.
   */
  declare readonly retryAfterMs: number | undefined;

  constructor(init: APIErrorInit) {
    super(formatMessage(init));
    for (const field of FIELDS) (this as Record<string, unknown>)[field] = init[field];
  }
}
brand(APIError, 'APIError');

/** True for any {@link APIError}, including ones from another copy of this package. */
export function isAPIError(value: unknown): value is APIError {
  return value instanceof APIError;
}

function formatMessage(init: APIErrorInit): string {
  const { serverMessage, code, requestId } = init;
  let text = requestPrefix(init.method, init.url) + `${init.status} ${init.statusText}`.trim();
  if (serverMessage) {
    // Flattened and capped: an HTML error page must not become a 50 KB message.
    const flat = serverMessage.replace(/\s+/g, ' ').trim();
    text += `: ${flat.length > 300 ? `${flat.slice(0, 299)}…` : flat}`;
  }
  const extras = [
    code && code !== serverMessage && `code: ${code}`,
    requestId && `request id: ${requestId}`,
  ].filter(Boolean);
  return extras.length ? `${text} (${extras.join(', ')})` : text;
}
