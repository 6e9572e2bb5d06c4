import { isPresignedUrl } from './is-presigned-url.js';

/**
 * Whether a request to `url` may carry the client's credentials and default headers: it must be on
 * the base URL's origin **and under its path** (`https://host/scenario/v1` covers
 * `/scenario/v1` and `/scenario/v1/…`, not `/storage/…` nor `/scenario/v10`), and not be presigned.
 * A sandbox or gateway that serves storage on the API's origin thus never sees them.
 *
 * `url` must be parsed (`new URL`), so that dot segments (`/v1/../storage`) are already resolved.
 */
export function inCredentialScope(url: URL, base: URL): boolean {
  if (url.origin !== base.origin || isPresignedUrl(url)) return false;
  const path = base.pathname.replace(/\/$/, '');
  return url.pathname === path || url.pathname.startsWith(`${path}/`);
}
