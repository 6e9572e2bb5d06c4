import { APIError, type APIErrorInit } from './api-error.js';
import { brand } from './brand.js';

/** Why a redirect was not followed. */
export type RedirectRefusal =
  'limit' | 'downgrade' | 'unsafe-target' | 'unreplayable-body' | 'hidden';

const WHY: Record<RedirectRefusal, string> = {
  limit: 'too many redirects (maxRedirects)',
  downgrade: 'it would downgrade https to http',
  'unsafe-target': 'the target is not a usable http(s) URL',
  'unreplayable-body': 'the body is a stream, which cannot be sent again',
  hidden: 'this runtime (a browser) does not say where redirects go',
};

/**
 * A redirect (301, 302, 303, 307, 308) that core-http did not follow. core-http follows redirects
 * itself, so that the client's credentials and default headers stay within the base URL's path;
 * it refuses to follow past `maxRedirects`, from https to http, to a target that is not a usable
 * http(s) URL, with a body it cannot send again, or where the runtime hides the target (a browser's
 * `opaqueredirect`). Never retried. `status` and `headers` are the redirect's own.
 */
export class RedirectError extends APIError {
  declare readonly reason: RedirectRefusal;
  /** The redirect's target, redacted like every URL in an error; undefined when hidden. */
  declare readonly location: string | undefined;

  constructor(init: APIErrorInit & { reason: RedirectRefusal; location?: string | undefined }) {
    const target = init.location ? ` to ${init.location}` : '';
    super({ ...init, serverMessage: `redirect${target} not followed: ${WHY[init.reason]}` });
    // The message says what core-http did; the server said nothing.
    Object.assign(this, { serverMessage: undefined, reason: init.reason, location: init.location });
  }
}
brand(RedirectError, 'RedirectError');
