// URL getters are not free, and a client appends to the same base URL on every call.
const prefixes = new WeakMap<URL, string>();

/**
 * Appends an (already encoded) path and query to a base URL, keeping the base's own path
 * (`https://api.cloud.scenario.com/v1` + `/uploads/x` → `…/v1/uploads/x`).
 */
export function buildUrl(base: URL, path: string, query: string): string {
  let prefix = prefixes.get(base);
  if (prefix === undefined) {
    const basePath = base.pathname.endsWith('/') ? base.pathname.slice(0, -1) : base.pathname;
    prefix = `${base.origin}${basePath}`;
    prefixes.set(base, prefix);
  }
  const suffix = path.startsWith('/') ? path : `/${path}`;
  return `${prefix}${suffix}${query ? `?${query}` : ''}`;
}
