import { brandClass, brandSymbol, hasBrand } from './brand.js';
import { UpkitError } from './upkit-error.js';

const BRAND = brandSymbol('APIUserAbortError');

/**
 * The caller's AbortSignal fired (before the request, during it, or while waiting to retry). Never
 * retried. The signal's `reason` is `cause`.
 */
export class APIUserAbortError extends UpkitError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(this, APIUserAbortError, BRAND, value);
  }

  readonly method: string | undefined;
  /** Redacted URL. */
  readonly url: string | undefined;

  constructor(init: { method?: string; url?: string; reason?: unknown } = {}) {
    const where = init.method && init.url ? `${init.method} ${init.url} → ` : '';
    super(
      `${where}request aborted by the caller`,
      init.reason === undefined ? undefined : { cause: init.reason },
    );
    this.method = init.method;
    this.url = init.url;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), method: this.method, url: this.url };
  }
}
brandClass(APIUserAbortError, 'APIUserAbortError');
