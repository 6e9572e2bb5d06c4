import { ConfigurationError } from '@upkit/core-http';
import type { UploadTarget } from '../targets/upload-target.js';
import { cadenyaTarget } from './cadenya-target.js';
import { scenarioTarget } from './scenario-target.js';

/** What the CLI asks of a target. */
export interface TargetRequest {
  readonly to: 'scenario' | 'cadenya';
  readonly baseURL?: string | undefined;
  readonly kind?: string | undefined;
  readonly projectId?: string | undefined;
  readonly workspaceId?: string | undefined;
}

/** A client loaded when asked for (the uploader installs neither), and targets over it. */
export interface LoadedTarget {
  /** The target for one file; `kind` is Scenario's, chosen per file. */
  targetFor(kind: string): UploadTarget<unknown>;
}

/** The package a target needs, and that the user installs beside the uploader. */
const CLIENT_PACKAGES = {
  scenario: '@upkit/scenario-client',
  cadenya: '@upkit/cadenya-client',
} as const;

/**
 * Imports the target's client, and builds it as the clients always do: credentials, workspace and
 * base URL from the options, else from their environment variables (one resolution, in the
 * clients). The kind is resolved per file by the CLI.
 * @throws ConfigurationError naming the variable when a credential is missing (`error.env`), or
 *   the package to install when the client is not there.
 */
export async function loadTarget(request: TargetRequest): Promise<LoadedTarget> {
  const name = CLIENT_PACKAGES[request.to];
  const baseURL = request.baseURL === undefined ? {} : { baseURL: request.baseURL };
  try {
    if (request.to === 'cadenya') {
      const { Cadenya } = await import('@upkit/cadenya-client');
      const client = new Cadenya({ ...baseURL, workspaceId: request.workspaceId });
      const target = cadenyaTarget(client, { workspaceId: client.workspaceId });
      return { targetFor: () => target };
    }
    const { Scenario } = await import('@upkit/scenario-client');
    const client = new Scenario({ ...baseURL, projectId: request.projectId });
    const projectId = client.projectId;
    return {
      // The kind is checked by the client against its document's enum.
      targetFor: (kind) => scenarioTarget(client, { kind: kind as 'model', projectId }),
    };
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' &&
      String(error).includes(name)
    ) {
      throw new ConfigurationError(`--to ${request.to} needs ${name}: npm install ${name}`, {
        option: 'to',
        cause: error,
      });
    }
    throw error;
  }
}
