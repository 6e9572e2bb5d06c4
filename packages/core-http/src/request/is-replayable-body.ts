/**
 * Whether a body can be sent again on a retry. Strings, bytes, Blobs, FormData and URLSearchParams
 * can; a stream (ReadableStream, or an async iterable that Node's fetch accepts) is consumed by the
 * first attempt, so a request carrying one is never retried.
 */
export function isReplayableBody(body: unknown): boolean {
  if (body === null || body === undefined || typeof body !== 'object') return true;
  if (typeof (body as { getReader?: unknown }).getReader === 'function') return false;
  return !(Symbol.asyncIterator in body);
}
