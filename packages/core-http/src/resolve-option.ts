import { readEnv } from './env.js';
import { ConfigurationError } from './errors/configuration-error.js';

/** Arguments of {@link resolveOption}. */
export interface ResolveOptionParams {
  /** The value the caller passed; `undefined` means "not given". */
  value: string | undefined;
  /** The environment variable to fall back on, e.g. `CADENYA_API_KEY`. */
  env?: string;
  /** The option's name, for messages, e.g. `apiKey`. */
  name: string;
  /** Throw when neither the option nor the variable gives a value. @default false */
  required?: boolean;
  /** Used when neither gives a value. */
  default?: string;
}

/**
 * One client option with its environment fallback, the same way for every client:
 * 1. a given value is used as is, but a blank one (empty or whitespace) is an error, never a silent
 *    fallback: `apiKey: process.env.TYPO` must not quietly pick up another key;
 * 2. an absent one (`undefined`) falls back to the environment variable (blank variables count as
 *    unset, as shells often export empty ones), then to `default`;
 * 3. still nothing and `required`: a {@link ConfigurationError} naming both ways to provide it.
 *
 * Messages never contain the value.
 */
export function resolveOption(params: ResolveOptionParams & { required: true }): string;
export function resolveOption(params: ResolveOptionParams): string | undefined;
export function resolveOption(params: ResolveOptionParams): string | undefined {
  const { value, env, name } = params;
  if (value !== undefined) {
    if (typeof value !== 'string') {
      throw new ConfigurationError(`${name} must be a string (got ${typeof value})`, {
        option: name,
      });
    }
    if (value.trim() === '') {
      const hint = env ? ` (omit it to use ${env})` : '';
      throw new ConfigurationError(`${name} must not be blank${hint}`, { option: name });
    }
    return value;
  }
  const fromEnv = env === undefined ? undefined : readEnv(env);
  if (fromEnv !== undefined && fromEnv.trim() !== '') return fromEnv.trim();
  if (params.default !== undefined) return params.default;
  if (params.required) {
    const how = env ? ` or set the ${env} environment variable` : '';
    throw new ConfigurationError(`Missing ${name}: pass the \`${name}\` option${how}`, {
      option: name,
      env,
    });
  }
  return undefined;
}
