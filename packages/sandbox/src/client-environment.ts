import type { SandboxCredentials } from './credentials.js';
import type { SandboxUrls } from './sandbox-urls.js';

/**
 * The environment variables the upkit clients (and `upkit-upload`) read, set to reach this
 * sandbox: pass them to a child process, or export them in a shell.
 */
export function clientEnvironment(
  urls: Pick<SandboxUrls, 'scenarioBaseUrl' | 'cadenyaBaseUrl'>,
  credentials: Pick<SandboxCredentials, 'scenario' | 'cadenya'>,
): Record<string, string> {
  return {
    SCENARIO_SDK_API_KEY: credentials.scenario.apiKey,
    SCENARIO_SDK_API_SECRET: credentials.scenario.apiSecret,
    SCENARIO_BASE_URL: urls.scenarioBaseUrl,
    CADENYA_API_KEY: credentials.cadenya.apiKey,
    CADENYA_WORKSPACE_ID: credentials.cadenya.workspaceId,
    CADENYA_BASE_URL: urls.cadenyaBaseUrl,
  };
}
