import { brand } from './brand.js';
import { requestPrefix, UpkitError, withCause } from './upkit-error.js';

/**
 * The caller's AbortSignal fired (before the request, during it, or while waiting to retry). Never
 * retried. The signal's `reason` is `cause`.
 */
export class APIUserAbortError extends UpkitError {
  declare readonly method: string | undefined;
  /** Redacted URL. */
  declare readonly url: string | undefined;

  constructor(init: { method?: string; url?: string; reason?: unknown } = {}) {
    const { method, url } = init;
    super(
      `${method && url ? requestPrefix(method, url) : ''}request aborted by the caller`,
      withCause(init.reason),
    );
    this.method = method;
    this.url = url;
  }
}
brand(APIUserAbortError, 'APIUserAbortError');
