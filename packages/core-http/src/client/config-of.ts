import type { ResolvedConfig } from '../config/resolve-config.js';
import { ConfigurationError } from '../errors/configuration-error.js';

/** Each client of this copy of core-http, with its configuration (out of reach of any user code). */
const configs = new WeakMap<object, ResolvedConfig>();

/** Records `client`'s configuration; called once, by its constructor. */
export function bindConfig(client: object, config: ResolvedConfig): void {
  configs.set(client, config);
}

/**
 * A client's configuration, for core-http's own functions that run on a client (`send`). A client
 * from another copy of core-http (two versions in one node_modules) has none here: a
 * {@link ConfigurationError}.
 */
export function configOf(client: object): ResolvedConfig {
  const config = configs.get(client);
  if (!config) {
    throw new ConfigurationError(
      'the client was created by another copy of @upkit/core-http; pass one from the copy send comes from',
      { option: 'client' },
    );
  }
  return config;
}
