/**
 * Raised when an OpenAPI document cannot be turned into code: a file that does not parse, a `$ref`
 * that points nowhere, a construct the generator does not support. The message names the file and
 * the JSON pointer of the offending node so the author can find it.
 */
export class CodegenError extends Error {
  override readonly name = 'CodegenError';

  /** Where in which file the problem is, e.g. `cadenya.yaml#/components/schemas/Upload`. */
  readonly location: string | undefined;

  constructor(message: string, location?: string) {
    super(location === undefined ? message : `${message} (at ${location})`);
    this.location = location;
  }
}
