import { constantTimeEqual } from '../constant-time.js';
import type { ScenarioCredentials } from '../credentials.js';
import { ScenarioApiError } from '../errors/scenario-api-error.js';

const unauthorized = () =>
  new ScenarioApiError(401, { error: 'Unauthorized', message: 'Invalid API key or secret' });

/**
 * Checks `Authorization`: Basic `base64(apiKey:apiSecret)`, or Bearer with the token.
 * @throws ScenarioApiError 401
 */
export function checkScenarioAuth(
  header: string | undefined,
  credentials: ScenarioCredentials,
): void {
  if (!header) throw unauthorized();
  const space = header.indexOf(' ');
  const scheme = header.slice(0, space).toLowerCase();
  const value = header.slice(space + 1).trim();
  if (scheme === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (
      colon > 0 &&
      constantTimeEqual(decoded.slice(0, colon), credentials.apiKey) &&
      constantTimeEqual(decoded.slice(colon + 1), credentials.apiSecret)
    ) {
      return;
    }
  } else if (scheme === 'bearer' && constantTimeEqual(value, credentials.bearerToken)) {
    return;
  }
  throw unauthorized();
}

/**
 * The project a call acts in: `projectId` when given, else the credentials' default project.
 * @throws ScenarioApiError 403 for a project the credentials may not use
 */
export function resolveProject(
  projectId: string | undefined,
  credentials: ScenarioCredentials,
): string {
  if (projectId === undefined || projectId === '') return credentials.projectId;
  if (projectId === credentials.projectId || credentials.otherProjectIds.includes(projectId)) {
    return projectId;
  }
  throw new ScenarioApiError(403, {
    error: 'Forbidden',
    message: 'You do not have access to this project',
  });
}

/**
 * The project a call acts in, once its `Authorization` is checked ({@link checkScenarioAuth},
 * {@link resolveProject}).
 * @throws ScenarioApiError 401 or 403
 */
export function authorizedProject(
  authorization: string | undefined,
  projectId: string | undefined,
  credentials: ScenarioCredentials,
): string {
  checkScenarioAuth(authorization, credentials);
  return resolveProject(projectId, credentials);
}
