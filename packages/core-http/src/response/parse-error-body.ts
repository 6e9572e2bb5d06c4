import { grpcCodeName } from './grpc-codes.js';

/** What could be learnt from an error body, whatever its shape. */
export interface ErrorBodyInfo {
  message?: string;
  code?: string;
  grpcCode?: number;
  details?: unknown;
  requestId?: string;
  /** Scenario's 429 body says `remainingSeconds`. */
  retryAfterMs?: number;
}

/**
 * Reads the error shapes the two vendors (and the storage in front of them) use:
 * - Cadenya: google.rpc.Status `{ code: 5, message, details: [] }` (code is a gRPC number).
 * - Scenario: loose `message` / `reason` / `error` (a string, or an object with `message`) /
 *   `detail` / `code` / `status` / `details` / `trace_id` / `traceId` / `remainingSeconds`.
 * - Google-style `{ error: { code: 404, message, status: 'NOT_FOUND' } }` (code is HTTP there).
 * - S3 XML `<Error><Code>…</Code><Message>…</Message></Error>`, and any other text.
 */
export function parseErrorBody(body: unknown): ErrorBodyInfo {
  if (typeof body === 'string') return parseText(body);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  const record = body as Record<string, unknown>;
  const info: ErrorBodyInfo = {};

  if (Number.isInteger(record['code']) && typeof record['message'] === 'string') {
    // A top-level integer code next to a message is google.rpc.Status: a gRPC code, not HTTP.
    info.grpcCode = record['code'] as number;
    info.code = grpcCodeName(info.grpcCode);
  } else {
    info.code = firstString(record['code'], record['status'], record['reason']);
  }

  const nested = record['error'];
  if (typeof nested === 'object' && nested !== null && !Array.isArray(nested)) {
    const inner = nested as Record<string, unknown>;
    info.message = firstString(inner['message'], inner['detail']);
    info.code ??= firstString(inner['status'], inner['code'], inner['reason']);
    if (inner['details'] !== undefined) info.details = inner['details'];
  }
  info.message ??= firstString(
    record['message'],
    record['detail'],
    typeof nested === 'string' ? nested : undefined,
    record['reason'],
  );
  if (info.message === undefined && record['detail'] !== undefined) {
    // FastAPI-style `detail: [{loc, msg}]`.
    info.message = JSON.stringify(record['detail']);
  }
  if (info.code === info.message) delete info.code;

  if (record['details'] !== undefined) info.details = record['details'];
  const requestId = firstString(
    record['trace_id'],
    record['traceId'],
    record['request_id'],
    record['requestId'],
  );
  if (requestId !== undefined) info.requestId = requestId;
  const remaining = record['remainingSeconds'];
  if (typeof remaining === 'number' && Number.isFinite(remaining) && remaining >= 0) {
    info.retryAfterMs = remaining * 1000;
  }
  return withoutUndefined(info);
}

function parseText(text: string): ErrorBodyInfo {
  const trimmed = text.trim();
  if (!trimmed) return {};
  if (trimmed.startsWith('<')) {
    const code = xmlElement(trimmed, 'Code');
    const message = xmlElement(trimmed, 'Message');
    const requestId = xmlElement(trimmed, 'RequestId');
    if (code !== undefined || message !== undefined) {
      return withoutUndefined({ code, message: message ?? code, requestId });
    }
    const title = xmlElement(trimmed, 'title');
    if (title !== undefined) return { message: title };
  }
  return { message: trimmed };
}

function xmlElement(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([^<]*)</${name}>`, 'i').exec(xml);
  const value = match?.[1]?.trim();
  return value ? value : undefined;
}

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) {
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
