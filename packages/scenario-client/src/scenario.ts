import { createHttpClient } from '@upkit/core-http';
import { resolveOption, toHttpClientConfig } from '@upkit/core-http/internal';
import type { HttpClient } from '@upkit/core-http';
import { resolveAuth } from './resolve-auth.js';
import type { ScenarioOptions } from './scenario-options.js';
import { Uploads } from './uploads.js';
import { VERSION } from './version.js';

/** Scenario's production API. */
export const DEFAULT_BASE_URL = 'https://api.cloud.scenario.com/v1';

/**
 * The Scenario uploads API.
 *
 * ```ts
 * const client = new Scenario(); // SCENARIO_SDK_API_KEY / SCENARIO_SDK_API_SECRET
 * const { upload } = await client.uploads.retrieve('upload_…');
 * ```
 *
 * @throws ConfigurationError for missing credentials or an unusable option.
 */
export class Scenario {
  /** Upload operations: `create`, `retrieve`, `triggerAction`, `complete`, `waitForProcessing`. */
  readonly uploads: Uploads;
  /** The project calls act in unless they name another; undefined for the credentials' default. */
  readonly projectId: string | undefined;
  /**
   * The transport, for requests the resources do not cover: `client.http.request(descriptor)`, or
   * core-http's `send(client.http, …)` for a raw one.
   */
  readonly http: HttpClient;

  constructor(options: ScenarioOptions = {}) {
    const auth = resolveAuth(options);
    this.projectId = resolveOption({ value: options.projectId, name: 'projectId' });
    this.http = createHttpClient(
      toHttpClientConfig(options, {
        name: '@upkit/scenario-client',
        version: VERSION,
        baseURLEnv: 'SCENARIO_BASE_URL',
        defaultBaseURL: DEFAULT_BASE_URL,
        auth,
      }),
    );
    const http = this.http;
    this.uploads = new Uploads({
      request: (op, params, requestOptions) => http.request(op, params, requestOptions),
      queryDefaults: { projectId: () => this.projectId },
    });
  }
}
