import { brand } from './brand.js';
import { UpkitError, withCause } from './upkit-error.js';

/** The client (or a helper such as `resolveOption`) was given an unusable option. */
export class ConfigurationError extends UpkitError {
  /** The option at fault, e.g. `baseUrl` or `apiKey`. */
  declare readonly option: string | undefined;
  /** The environment variable that would have given the missing value, e.g. `CADENYA_API_KEY`. */
  declare readonly env: string | undefined;

  constructor(
    message: string,
    options: { option?: string; env?: string | undefined; cause?: unknown } = {},
  ) {
    super(message, withCause(options.cause));
    this.option = options.option;
    this.env = options.env;
  }
}
brand(ConfigurationError, 'ConfigurationError');
