import { brandClass, brandSymbol, hasBrand } from './brand.js';
import { UpkitError } from './upkit-error.js';

const BRAND = brandSymbol('APIConnectionError');

/**
 * No usable response: DNS failure, connection refused or reset, TLS failure, or the body was cut
 * short. Retried for idempotent requests. The underlying error is `cause`.
 */
export class APIConnectionError extends UpkitError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(this, APIConnectionError, BRAND, value);
  }

  readonly method: string;
  /** Redacted URL. */
  readonly url: string;

  constructor(init: { method: string; url: string; message?: string; cause?: unknown }) {
    const reason = init.message ?? describeCause(init.cause);
    super(
      `${init.method} ${init.url} → ${reason}`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.method = init.method;
    this.url = init.url;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), method: this.method, url: this.url };
  }
}
brandClass(APIConnectionError, 'APIConnectionError');

/** undici hides the useful part (ECONNRESET…) in `cause`; surface it without leaking anything else. */
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return 'connection error';
  const inner = cause.cause;
  const code =
    typeof inner === 'object' && inner !== null && 'code' in inner ? String(inner.code) : undefined;
  return `connection error: ${cause.message}${code ? ` (${code})` : ''}`;
}
