import type { Auth } from '../auth/auth.js';
import type { ClientOptions } from '../client/client-options.js';

/**
 * Options of {@link createHttpClient}: every {@link ClientOptions} entry, plus what a client adds of
 * its own (credentials, product token, where its base URL comes from).
 */
export interface HttpClientConfig extends ClientOptions {
  /** How requests under the base URL authenticate (`basicAuth`, `bearerAuth` or your own). */
  auth?: Auth | undefined;
  /**
   * The calling client's product token(s), put before core-http's own:
   * `@upkit/cadenya-client/0.1.0` → `@upkit/cadenya-client/0.1.0 @upkit/core-http/0.1.0`.
   * @default none (core-http's token alone)
   */
  userAgent?: string | undefined;
  /**
   * The environment variable read for the base URL when `baseURL` is undefined (blank counts as
   * unset), e.g. `CADENYA_BASE_URL`. @default none
   */
  baseURLEnv?: string | undefined;
  /** The base URL when neither `baseURL` nor `baseURLEnv` gives one. @default none (then required) */
  defaultBaseURL?: string | undefined;
}
