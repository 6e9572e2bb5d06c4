import type { ClientOptions } from '@upkit/core-http';

/** Options of `new Scenario(…)`. Credentials never appear in logs, errors or `JSON.stringify`. */
export interface ScenarioOptions extends ClientOptions {
  /**
   * API key, sent with `apiSecret` as HTTP Basic auth.
   * @default the SCENARIO_SDK_API_KEY environment variable
   */
  apiKey?: string | undefined;
  /**
   * API secret, sent with `apiKey` as HTTP Basic auth.
   * @default the SCENARIO_SDK_API_SECRET environment variable
   */
  apiSecret?: string | undefined;
  /**
   * A bearer token, used instead of the key and secret (`Authorization: Bearer …`). Giving it
   * together with `apiKey`/`apiSecret` is a `ConfigurationError`; given alone, it wins over the
   * key and secret of the environment.
   * @default none (HTTP Basic with the key and secret)
   */
  bearerToken?: string | undefined;
  /**
   * The project every call acts in unless the call names another (`{ projectId }`).
   * @default none (the credentials' default project)
   */
  projectId?: string | undefined;
  /**
   * The API's base URL.
   * @default the SCENARIO_BASE_URL environment variable, else https://api.cloud.scenario.com/v1
   */
  baseURL?: string | undefined;
}
