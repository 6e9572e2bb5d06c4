import { basicAuth, bearerAuth, ConfigurationError } from '@upkit/core-http';
import { resolveOption } from '@upkit/core-http/internal';
import type { Auth } from '@upkit/core-http';
import type { ScenarioOptions } from './scenario-options.js';

/**
 * Chooses Scenario's auth. An explicit choice always beats the environment: an explicit
 * `bearerToken` is used even when SCENARIO_SDK_API_KEY/SECRET are set (they may belong to another
 * account); explicit `apiKey`/`apiSecret` mean Basic; both kinds at once are ambiguous and refused.
 */
export function resolveAuth(options: ScenarioOptions): Auth {
  const explicitBasic = options.apiKey !== undefined || options.apiSecret !== undefined;
  if (options.bearerToken !== undefined) {
    if (explicitBasic) {
      throw new ConfigurationError(
        'Pass either bearerToken or apiKey/apiSecret to new Scenario(), not both',
        { option: 'bearerToken' },
      );
    }
    return bearerAuth(
      resolveOption({ value: options.bearerToken, name: 'bearerToken', required: true }),
    );
  }
  const apiKey = resolveOption({
    value: options.apiKey,
    env: 'SCENARIO_SDK_API_KEY',
    name: 'apiKey',
    required: true,
  });
  const apiSecret = resolveOption({
    value: options.apiSecret,
    env: 'SCENARIO_SDK_API_SECRET',
    name: 'apiSecret',
    required: true,
  });
  return basicAuth(apiKey, apiSecret);
}
