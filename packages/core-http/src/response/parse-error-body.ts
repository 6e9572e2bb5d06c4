import { grpcCodeName } from './grpc-codes.js';

/** What could be learnt from an error body, whatever its shape (a field not found is undefined). */
export interface ErrorBodyInfo {
  message?: string | undefined;
  code?: string | undefined;
  grpcCode?: number | undefined;
  details?: unknown;
  requestId?: string | undefined;
  /** Scenario's 429 body says `remainingSeconds`. */
  retryAfterMs?: number | undefined;
}

type Json = Record<string, unknown>;

/**
 * Reads the error shapes the two vendors (and the storage in front of them) use:
 * - Cadenya: google.rpc.Status `{ code: 5, message, details: [] }` (code is a gRPC number).
 * - Scenario: loose `message` / `reason` / `error` (a string, or an object with `message`) /
 *   `detail` / `code` / `status` / `details` / `trace_id` / `traceId` / `remainingSeconds`.
 * - Google-style `{ error: { code: 404, message, status: 'NOT_FOUND' } }` (code is HTTP there).
 * - S3 XML `<Error><Code>…</Code><Message>…</Message></Error>`, and any other text.
 */
export function parseErrorBody(body: unknown): ErrorBodyInfo {
  if (typeof body === 'string') return parseText(body.trim());
  if (!isRecord(body)) return {};
  const { code, message, error, detail, details, reason, remainingSeconds: wait } = body;
  const nested = isRecord(error) ? error : {};
  // A top-level integer code next to a message is google.rpc.Status: a gRPC code, not HTTP.
  const grpcCode =
    Number.isInteger(code) && typeof message === 'string' ? (code as number) : undefined;
  const info: ErrorBodyInfo = {
    grpcCode,
    code:
      grpcCode === undefined
        ? text(code, body['status'], reason, nested['status'], nested['code'], nested['reason'])
        : grpcCodeName(grpcCode),
    message:
      text(nested['message'], nested['detail'], message, detail, error, reason) ??
      // FastAPI-style `detail: [{loc, msg}]`.
      (detail === undefined ? undefined : JSON.stringify(detail)),
    details: details === undefined ? nested['details'] : details,
    requestId: text(body['trace_id'], body['traceId'], body['request_id'], body['requestId']),
    retryAfterMs:
      typeof wait === 'number' && wait >= 0 && wait < Infinity ? wait * 1000 : undefined,
  };
  if (info.code === info.message) info.code = undefined;
  return info;
}

function parseText(body: string): ErrorBodyInfo {
  if (!body) return {};
  if (body[0] === '<') {
    const element = (name: string) =>
      text(new RegExp(`<${name}>([^<]*)</`, 'i').exec(body)?.[1]?.trim());
    const code = element('Code');
    const message = element('Message') ?? code;
    if (message) return { code, message, requestId: element('RequestId') };
    return { message: element('title') ?? body };
  }
  return { message: body };
}

/** The first non-blank string. */
function text(...values: unknown[]): string | undefined {
  return values.find((value) => typeof value === 'string' && value.trim()) as string | undefined;
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
