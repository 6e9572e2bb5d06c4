import { brandClass, brandSymbol, hasBrand } from './brand.js';
import { UpkitError } from './upkit-error.js';

const BRAND = brandSymbol('APIError');

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
  retryAfterMs?: number | undefined;
}

/**
 * The server answered with a status outside 2xx. Subclasses exist for 400, 401, 403, 404, 409, 422,
 * 429 and 5xx; any other status is a plain `APIError`.
 *
 * The message reads `GET https://api.x.com/v1/uploads/upload_1 → 404 Not Found: Upload not found
 * (request id: abc)`, with the URL's query redacted.
 */
export class APIError extends UpkitError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(this, APIError, BRAND, value);
  }

  readonly status: number;
  readonly statusText: string;
  /** The response headers. */
  readonly headers: Headers;
  /** Parsed JSON, the raw text when it was not JSON, or undefined when empty. */
  readonly body: unknown;
  readonly method: string;
  /** The request URL with credentials and non-allowlisted query values redacted. */
  readonly url: string;
  /** From `x-request-id`, `x-amzn-requestid`, `x-amz-request-id`, `request-id` or the body's trace id. */
  readonly requestId: string | undefined;
  /** The server's error code, e.g. `NOT_FOUND` (gRPC numbers are mapped to names). */
  readonly code: string | undefined;
  /** The numeric google.rpc.Status code (Cadenya), when the body was one. */
  readonly grpcCode: number | undefined;
  /** The body's `details`, when present. */
  readonly details: unknown;
  /** The server's own message, without the method/URL/status prefix. */
  readonly serverMessage: string | undefined;

  constructor(init: APIErrorInit) {
    super(formatAPIErrorMessage(init));
    this.status = init.status;
    this.statusText = init.statusText;
    this.headers = init.headers;
    this.body = init.body;
    this.method = init.method;
    this.url = init.url;
    this.requestId = init.requestId;
    this.code = init.code;
    this.grpcCode = init.grpcCode;
    this.details = init.details;
    this.serverMessage = init.serverMessage;
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      method: this.method,
      url: this.url,
      requestId: this.requestId,
      code: this.code,
    };
  }
}
brandClass(APIError, 'APIError');

/** True for any {@link APIError}, including ones from another copy of this package. */
export function isAPIError(value: unknown): value is APIError {
  return value instanceof APIError;
}

const MAX_MESSAGE_LENGTH = 300;

function formatAPIErrorMessage(init: APIErrorInit): string {
  const status = `${init.status}${init.statusText ? ` ${init.statusText}` : ''}`;
  let text = `${init.method} ${init.url} → ${status}`;
  if (init.serverMessage) text += `: ${truncate(init.serverMessage, MAX_MESSAGE_LENGTH)}`;
  const extras: string[] = [];
  if (init.code && init.code !== init.serverMessage) extras.push(`code: ${init.code}`);
  if (init.requestId) extras.push(`request id: ${init.requestId}`);
  if (extras.length > 0) text += ` (${extras.join(', ')})`;
  return text;
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
