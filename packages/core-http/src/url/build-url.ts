// URL getters are not free, and a client appends to the same base URL on every call.
const prefixes = new WeakMap<URL, string>();

/**
 * Appends an (already encoded) path and query to a base URL, keeping the base's own path
 * (`https://api.cloud.scenario.com/v1` + `/uploads/x` → `…/v1/uploads/x`).
 */
export function buildUrl(base: URL, path: string, query: string): string {
  let prefix = prefixes.get(base);
  if (prefix === undefined) {
    prefix = base.origin + base.pathname.replace(/\/$/, '');
    prefixes.set(base, prefix);
  }
  return `${prefix}${path[0] === '/' ? '' : '/'}${path}${query ? `?${query}` : ''}`;
}
