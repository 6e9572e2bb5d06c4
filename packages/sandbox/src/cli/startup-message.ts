import { DEFAULT_CREDENTIALS } from '../credentials.js';
import type { Sandbox } from '../sandbox.js';
import { VERSION } from '../version.js';
import { flagOf } from './cli-flags.js';

/**
 * What the CLI prints once it listens: the base URLs, and the credentials to use. Only the
 * development defaults are printed; a credential given on the command line is not echoed.
 */
export function startupMessage(sandbox: Sandbox, temporaryDataDir: boolean): string {
  const { scenario, cadenya } = sandbox.credentials;
  const show = (value: string, fallback: string, option: string) =>
    value === fallback ? value : `(as given with ${flagOf(`credentials.${option}`)})`;
  return [
    `upkit-sandbox ${VERSION} listening on ${sandbox.url}`,
    '',
    `  Scenario API    ${sandbox.scenarioBaseUrl}`,
    `  Cadenya API     ${sandbox.cadenyaBaseUrl}`,
    `  Storage         ${sandbox.storageUrl}`,
    `  Inspection API  ${sandbox.inspectionUrl}`,
    `  Data directory  ${sandbox.dataDir}${temporaryDataDir ? ' (temporary: removed on exit)' : ''}`,
    sandbox.strict
      ? "  Request bodies  strict: exactly the documents' wire format"
      : '  Request bodies  as lenient as the real services (--strict for the exact wire format)',
    '',
    'Development credentials (they open this sandbox only):',
    `  SCENARIO_BASE_URL=${sandbox.scenarioBaseUrl}`,
    `  SCENARIO_SDK_API_KEY=${show(scenario.apiKey, DEFAULT_CREDENTIALS.scenario.apiKey, 'scenario.apiKey')}`,
    `  SCENARIO_SDK_API_SECRET=${show(scenario.apiSecret, DEFAULT_CREDENTIALS.scenario.apiSecret, 'scenario.apiSecret')}`,
    `  Scenario bearer token: ${show(scenario.bearerToken, DEFAULT_CREDENTIALS.scenario.bearerToken, 'scenario.bearerToken')}`,
    `  Scenario projects: ${[scenario.projectId, ...scenario.otherProjectIds].join(', ')} (the first is the default)`,
    `  CADENYA_BASE_URL=${sandbox.cadenyaBaseUrl}`,
    `  CADENYA_API_KEY=${show(cadenya.apiKey, DEFAULT_CREDENTIALS.cadenya.apiKey, 'cadenya.apiKey')}`,
    `  CADENYA_WORKSPACE_ID=${cadenya.workspaceId}`,
    `  Other Cadenya workspaces: ${cadenya.otherWorkspaceIds.join(', ')}`,
    '',
    'Ctrl-C stops it.',
    '',
  ].join('\n');
}
