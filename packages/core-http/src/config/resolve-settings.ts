import type { ValidationMode } from '../client/client-options.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import { parseBaseUrl } from '../url/parse-base-url.js';
import { mergeFetchOptions, type FetchOptions } from './fetch-options.js';

/** The options a call may override, resolved: the client's, or a call's over the client's. */
export interface Settings {
  readonly baseURL: URL;
  readonly timeout: number;
  readonly deadline: number | undefined;
  readonly maxRetries: number;
  readonly maxResponseBytes: number;
  readonly retryNonIdempotent: boolean;
  readonly validation: ValidationMode;
  readonly fetchOptions: FetchOptions | undefined;
}

/** The same options as given, by the client's config or a call's options. */
export type SettingsInput = {
  readonly [K in keyof Settings]?: (K extends 'baseURL' ? string : Settings[K]) | undefined;
};

const KEYS: readonly (keyof Settings)[] = [
  'baseURL',
  'timeout',
  'deadline',
  'maxRetries',
  'maxResponseBytes',
  'retryNonIdempotent',
  'validation',
  'fetchOptions',
];

/** The defaults of every setting but the base URL, which has none. */
export const DEFAULT_SETTINGS: Omit<Settings, 'baseURL'> = {
  timeout: 60_000,
  deadline: undefined,
  maxRetries: 2,
  maxResponseBytes: 4 * 1024 * 1024,
  retryNonIdempotent: false,
  validation: 'strict',
  fetchOptions: undefined,
};

/**
 * Checks `input` and fills what it leaves undefined from `fallback`: the one place where these
 * options are validated, for the client's config (over the defaults) and for each call (over the
 * client's settings). A call that overrides nothing gets `fallback` itself, at no cost.
 *
 * @throws ConfigurationError naming the first unusable option.
 */
export function resolveSettings(
  input: SettingsInput,
  fallback: Omit<Settings, 'baseURL'> & { readonly baseURL?: URL | undefined },
  allowInsecureHttp: boolean,
): Settings {
  if (fallback.baseURL && !KEYS.some((key) => input[key] !== undefined)) {
    return fallback as Settings;
  }
  const { validation = fallback.validation } = input;
  if (validation !== 'strict' && validation !== 'warn' && validation !== 'off') {
    throw invalidOption('validation', `must be 'strict', 'warn' or 'off'`);
  }
  return {
    baseURL:
      input.baseURL === undefined
        ? fallback.baseURL!
        : parseBaseUrl(input.baseURL, allowInsecureHttp),
    timeout: checkNumber(input.timeout, 'timeout', fallback.timeout),
    deadline: checkNumber(input.deadline, 'deadline', fallback.deadline),
    maxRetries: checkNumber(input.maxRetries, 'maxRetries', fallback.maxRetries, true),
    maxResponseBytes: checkNumber(
      input.maxResponseBytes,
      'maxResponseBytes',
      fallback.maxResponseBytes,
    ),
    retryNonIdempotent: input.retryNonIdempotent ?? fallback.retryNonIdempotent,
    validation,
    fetchOptions: mergeFetchOptions(fallback.fetchOptions, input.fetchOptions),
  };
}

/**
 * A number option, or `fallback` when undefined: a non-negative number (`Infinity` means no limit),
 * or with `integer` a non-negative integer such as `maxRetries`.
 */
export function checkNumber<F extends number | undefined>(
  value: number | undefined,
  name: string,
  fallback: F,
  integer?: boolean,
): number | F {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0) || (integer && !Number.isInteger(value))) {
    throw invalidOption(name, `must be a non-negative ${integer ? 'integer' : 'number'}`);
  }
  return value;
}

/** The error of an unusable option. */
export function invalidOption(option: string, problem: string): ConfigurationError {
  return new ConfigurationError(`${option} ${problem}`, { option });
}
