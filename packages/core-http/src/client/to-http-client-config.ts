import type { Auth } from '../auth/auth.js';
import type { HttpClientConfig } from '../config/client-config.js';
import type { ClientOptions } from './client-options.js';

/** What a client adds to {@link ClientOptions} to build its transport. */
export interface ClientIdentity {
  /** The client's package name, for the User-Agent (`@upkit/cadenya-client`). */
  name: string;
  /** The client's version, for the User-Agent. */
  version: string;
  /** The environment variable holding the base URL (`CADENYA_BASE_URL`). */
  baseURLEnv: string;
  /** The production base URL, used when neither the option nor the variable gives one. */
  defaultBaseURL: string;
  /** The already resolved credentials. */
  auth?: Auth | undefined;
}

/**
 * Turns a client constructor's options into core-http's {@link HttpClientConfig}: every
 * {@link ClientOptions} entry under its own name (so every core-http option is settable from every
 * client), plus the client's identity. Nothing is renamed, checked or read from the environment
 * here: `createHttpClient` does all of that, in one step. Options that are not core-http's (the
 * client's credentials) are not carried over.
 */
export function toHttpClientConfig(
  options: ClientOptions,
  identity: ClientIdentity,
): HttpClientConfig {
  const config: HttpClientConfig = {
    auth: identity.auth,
    userAgent: `${identity.name}/${identity.version}`,
    baseURLEnv: identity.baseURLEnv,
    defaultBaseURL: identity.defaultBaseURL,
  };
  for (const key of CLIENT_OPTION_KEYS) {
    if (options[key] !== undefined) (config as Record<string, unknown>)[key] = options[key];
  }
  return config;
}

/** Every key of {@link ClientOptions} (a type test checks that none is missing). */
export const CLIENT_OPTION_KEYS = [
  'baseURL',
  'allowInsecureHttp',
  'defaultHeaders',
  'fetch',
  'fetchOptions',
  'userAgentHeader',
  'maxRetries',
  'initialRetryDelayMs',
  'maxRetryDelayMs',
  'retryNonIdempotent',
  'retryBudget',
  'autoIdempotencyKey',
  'idempotencyKeyHeader',
  'timeout',
  'deadline',
  'maxResponseBytes',
  'maxRedirects',
  'validation',
  'logLevel',
  'logger',
  'redaction',
  'middleware',
  'sleep',
  'now',
] as const satisfies readonly (keyof ClientOptions)[];
