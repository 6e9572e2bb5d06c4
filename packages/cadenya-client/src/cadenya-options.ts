import type { ClientOptions } from '@upkit/core-http';

/** Options of `new Cadenya(…)`. The API key never appears in logs, errors or `JSON.stringify`. */
export interface CadenyaOptions extends ClientOptions {
  /**
   * API key, sent as `Authorization: Bearer …`.
   * @default the CADENYA_API_KEY environment variable
   */
  apiKey?: string | undefined;
  /**
   * The workspace every call acts in unless the call names another (`{ workspaceId }`).
   * @default the CADENYA_WORKSPACE_ID environment variable
   */
  workspaceId?: string | undefined;
  /**
   * The API's base URL.
   * @default the CADENYA_BASE_URL environment variable, else https://api.cadenya.com
   */
  baseURL?: string | undefined;
}
