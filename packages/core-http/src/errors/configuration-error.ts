import { brandClass, brandSymbol, hasBrand } from './brand.js';
import { UpkitError } from './upkit-error.js';

const BRAND = brandSymbol('ConfigurationError');

/** The client (or a helper such as `resolveOption`) was given an unusable option. */
export class ConfigurationError extends UpkitError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(this, ConfigurationError, BRAND, value);
  }

  /** The option at fault, e.g. `baseUrl` or `apiKey`. */
  readonly option: string | undefined;

  constructor(message: string, options: { option?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.option = options.option;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), option: this.option };
  }
}
brandClass(ConfigurationError, 'ConfigurationError');
