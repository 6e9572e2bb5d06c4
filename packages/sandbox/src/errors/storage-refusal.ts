/** A refusal of the emulated object storage, answered as an S3-style XML `<Error>`. */
export class StorageRefusal extends Error {
  override readonly name = 'StorageRefusal';

  constructor(
    /** The HTTP status. */
    readonly status: number,
    /** The S3 error code, e.g. `SignatureDoesNotMatch`. */
    readonly code: string,
    message: string,
    /** Extra elements of the `<Error>` document, in order (S3 adds some, e.g. `<Expires>`). */
    readonly extra: Readonly<Record<string, string>> = {},
    /** Extra response headers, e.g. `Retry-After`. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
