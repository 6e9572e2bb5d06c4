import { brand } from './brand.js';
import { requestPrefix, UpkitError, withCause } from './upkit-error.js';

/**
 * No usable response: DNS failure, connection refused or reset, TLS failure, or the body was cut
 * short. Retried for idempotent requests. The underlying error is `cause`.
 */
export class APIConnectionError extends UpkitError {
  declare readonly method: string;
  /** Redacted URL. */
  declare readonly url: string;

  constructor(init: { method: string; url: string; message?: string; cause?: unknown }) {
    super(
      requestPrefix(init.method, init.url) + (init.message ?? describeCause(init.cause)),
      withCause(init.cause),
    );
    this.method = init.method;
    this.url = init.url;
  }
}
brand(APIConnectionError, 'APIConnectionError');

/** undici hides the useful part (ECONNRESET…) in `cause`; surface it without leaking anything else. */
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return 'connection error';
  const code = (cause.cause as { code?: unknown } | null | undefined)?.code;
  return `connection error: ${cause.message}${code ? ` (${String(code)})` : ''}`;
}
