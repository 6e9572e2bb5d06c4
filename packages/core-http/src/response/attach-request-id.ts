/**
 * Puts the request id on an object result as `_request_id`, non-enumerable (out of
 * `JSON.stringify`, spreads and `Object.keys`), as openai-node does. Arrays, Responses, frozen
 * objects and objects that already have the property are left as they are.
 */
export function attachRequestId<T>(data: T, requestId: string | undefined): T {
  if (
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    !(data instanceof Response) &&
    Object.isExtensible(data) &&
    !Object.hasOwn(data, '_request_id')
  ) {
    Object.defineProperty(data, '_request_id', { value: requestId, configurable: true });
  }
  return data;
}
