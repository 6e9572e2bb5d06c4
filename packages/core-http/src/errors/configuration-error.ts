import { brand } from './brand.js';
import { UpkitError, withCause } from './upkit-error.js';

/** The client (or a helper such as `resolveOption`) was given an unusable option. */
export class ConfigurationError extends UpkitError {
  /** The option at fault, e.g. `baseUrl` or `apiKey`. */
  declare readonly option: string | undefined;

  constructor(message: string, options: { option?: string; cause?: unknown } = {}) {
    super(message, withCause(options.cause));
    this.option = options.option;
  }
}
brand(ConfigurationError, 'ConfigurationError');
