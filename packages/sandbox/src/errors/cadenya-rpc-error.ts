/**
 * A refusal of the emulated Cadenya API: a gRPC code and message, answered as a
 * `google.rpc.Status` body with the HTTP status grpc-gateway maps the code to.
 */
export class CadenyaRpcError extends Error {
  override readonly name = 'CadenyaRpcError';

  constructor(
    /** The google.rpc.Code, e.g. 5 for NOT_FOUND. */
    readonly code: number,
    message: string,
    /** Extra response headers, e.g. `Retry-After`. */
    readonly headers: Readonly<Record<string, string>> = {},
    /** Overrides the HTTP status the code maps to (a 502 from the edge, for instance). */
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}
