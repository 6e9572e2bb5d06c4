/** What an {@link Auth} strategy sees of the request it authenticates. */
export interface AuthRequest {
  readonly method: string;
  readonly url: string;
}

/**
 * An authentication strategy: anything that sets headers on a request. Called once per attempt and
 * only for requests to the client's own base URL origin (never for presigned storage URLs). May be
 * async (e.g. to refresh a token).
 *
 * Implementations must keep their secret out of `JSON.stringify` and `console.log`: hold it in a
 * {@link Secret} or a private field, as `basicAuth` and `bearerAuth` do.
 */
export interface Auth {
  apply(headers: Headers, request: AuthRequest): void | Promise<void>;
}
