import { ConfigurationError } from '../errors/configuration-error.js';

/** The `RequestInit` fields core-http sets itself, which `fetchOptions` may not carry. */
const RESERVED = ['method', 'headers', 'body', 'signal', 'redirect', 'duplex', 'window'] as const;

/**
 * Extra fields for every `fetch` call: anything your fetch understands (an undici `dispatcher`,
 * `credentials`, `cache`, `keepalive`, `priority`…) except the ones core-http sets itself.
 */
export type FetchOptions = { readonly [K in (typeof RESERVED)[number]]?: never } & Omit<
  RequestInit,
  (typeof RESERVED)[number]
> & { readonly [key: string]: unknown };

/**
 * `extra` applied over `base` (a call's over the client's), checked: a reserved field is a
 * {@link ConfigurationError} (it would silently change what core-http sends). Undefined when both are.
 */
export function mergeFetchOptions(
  base: FetchOptions | undefined,
  extra: FetchOptions | undefined,
): FetchOptions | undefined {
  if (extra === undefined) return base;
  if (typeof extra !== 'object' || extra === null) {
    throw new ConfigurationError('fetchOptions must be an object', { option: 'fetchOptions' });
  }
  const field = RESERVED.find((name) => name in extra);
  if (field) {
    throw new ConfigurationError(
      `fetchOptions.${field} cannot be set: core-http sets it itself (headers and signal are options of their own)`,
      { option: 'fetchOptions' },
    );
  }
  return base ? { ...base, ...extra } : extra;
}
