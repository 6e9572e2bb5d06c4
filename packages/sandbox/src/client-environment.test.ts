import { describe, expect, it } from 'vitest';
import { clientEnvironment } from './client-environment.js';
import { DEFAULT_CREDENTIALS } from './credentials.js';
import { sandboxUrls } from './sandbox-urls.js';

describe('clientEnvironment', () => {
  it('names each variable the clients read, with this sandbox’s URLs and credentials', () => {
    expect(clientEnvironment(sandboxUrls('http://127.0.0.1:4010'), DEFAULT_CREDENTIALS)).toEqual({
      SCENARIO_SDK_API_KEY: DEFAULT_CREDENTIALS.scenario.apiKey,
      SCENARIO_SDK_API_SECRET: DEFAULT_CREDENTIALS.scenario.apiSecret,
      SCENARIO_BASE_URL: 'http://127.0.0.1:4010/scenario/v1',
      CADENYA_API_KEY: DEFAULT_CREDENTIALS.cadenya.apiKey,
      CADENYA_WORKSPACE_ID: DEFAULT_CREDENTIALS.cadenya.workspaceId,
      CADENYA_BASE_URL: 'http://127.0.0.1:4010/cadenya',
    });
  });
});
