import { APIPromise, bearerAuth, ConfigurationError, createHttpClient } from '@upkit/core-http';
import { resolveOption, toHttpClientConfig } from '@upkit/core-http/internal';
import type { HttpClient } from '@upkit/core-http';
import type { CadenyaOptions } from './cadenya-options.js';
import { MemoryLayersResource } from './generated/resources.js';
import type { ResourceContext } from './generated/resources.js';
import { Uploads } from './uploads.js';
import { VERSION } from './version.js';

/** Cadenya's production API. */
export const DEFAULT_BASE_URL = 'https://api.cadenya.com';

/**
 * The Cadenya API (uploads and memory entries).
 *
 * ```ts
 * const cadenya = new Cadenya(); // CADENYA_API_KEY, CADENYA_WORKSPACE_ID
 * const upload = await cadenya.uploads.retrieve('upload_…');
 * ```
 *
 * @throws ConfigurationError for a missing API key or an unusable option.
 */
export class Cadenya {
  /** Upload operations: `create`, `retrieve`, `waitUntilComplete`. */
  readonly uploads: Uploads;
  /** Memory layers: `memoryLayers.entries.create`. */
  readonly memoryLayers: MemoryLayersResource;
  /** The workspace calls act in unless they name another. */
  readonly workspaceId: string | undefined;
  /**
   * The transport, for requests the resources do not cover: `client.http.request(descriptor)`, or
   * core-http's `send(client.http, …)` for a raw one.
   */
  readonly http: HttpClient;

  constructor(options: CadenyaOptions = {}) {
    const apiKey = resolveOption({
      value: options.apiKey,
      env: 'CADENYA_API_KEY',
      name: 'apiKey',
      required: true,
    });
    this.workspaceId = resolveOption({
      value: options.workspaceId,
      env: 'CADENYA_WORKSPACE_ID',
      name: 'workspaceId',
    });
    this.http = createHttpClient(
      toHttpClientConfig(options, {
        name: '@upkit/cadenya-client',
        version: VERSION,
        baseURLEnv: 'CADENYA_BASE_URL',
        defaultBaseURL: DEFAULT_BASE_URL,
        auth: bearerAuth(apiKey),
      }),
    );
    const http = this.http;
    const ctx: ResourceContext = {
      request: (op, params, requestOptions) => {
        // The one check of a missing workspace: the generated methods pass on the call's
        // `workspaceId`, else the client's (below), else undefined; only this layer knows the
        // ways to give one, so it says how.
        if (op.pathParams.includes('workspaceId') && params?.path?.workspaceId === undefined) {
          return new APIPromise(Promise.reject(missingWorkspaceId(op.operationId)));
        }
        return http.request(op, params, requestOptions);
      },
      pathDefaults: { workspaceId: () => this.workspaceId },
    };
    this.uploads = new Uploads(ctx);
    this.memoryLayers = new MemoryLayersResource(ctx);
  }
}

function missingWorkspaceId(operationId: string): ConfigurationError {
  return new ConfigurationError(
    `${operationId}: missing workspaceId: pass { workspaceId } to the call, the workspaceId ` +
      'option to new Cadenya(), or set the CADENYA_WORKSPACE_ID environment variable',
    { option: 'workspaceId' },
  );
}
