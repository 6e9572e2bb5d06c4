import { Cadenya } from '@upkit/cadenya-client';
import { silentLogger, startSandbox, type Sandbox, type SandboxOptions } from '@upkit/sandbox';
import { Scenario } from '@upkit/scenario-client';

/** What the sandbox's request log says of one request. */
export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly routeClass: string;
  readonly authorization?: boolean;
  readonly bytesIn?: number;
  readonly partNumber?: number;
}

/** A sandbox with small parts and quick processing, and a client of each API on it. */
export async function startUploaderSandbox(options: SandboxOptions = {}) {
  const sandbox: Sandbox = await startSandbox({
    port: 0,
    logger: silentLogger,
    strict: true,
    ...options,
    scenario: { minPartSize: 1024, validatingDelayMs: 10, importDelayMs: 10, ...options.scenario },
  });
  const { apiKey, apiSecret, projectId } = sandbox.credentials.scenario;
  const scenario = new Scenario({ baseURL: sandbox.scenarioBaseUrl, apiKey, apiSecret, projectId });
  const cadenya = new Cadenya({
    baseURL: sandbox.cadenyaBaseUrl,
    apiKey: sandbox.credentials.cadenya.apiKey,
    workspaceId: sandbox.credentials.cadenya.workspaceId,
  });
  const inspect = async <T>(path: string, init?: RequestInit): Promise<T> => {
    const res = await fetch(`${sandbox.inspectionUrl}${path}`, init);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const objects = () =>
    inspect<{ objects: { bucket: string; key: string; size: number; sha256: string }[] }>(
      '/objects',
    );
  return {
    sandbox,
    scenario,
    cadenya,
    requests: async () => (await inspect<{ requests: LoggedRequest[] }>('/requests')).requests,
    clearRequests: () => fetch(`${sandbox.inspectionUrl}/requests`, { method: 'DELETE' }),
    objects,
    /** The sha256 the sandbox stored for an upload's object (its key names the upload). */
    storedSha: async (uploadId: string): Promise<string | undefined> =>
      (await objects()).objects.find((o) => o.key.includes(uploadId))?.sha256,
    close: () => sandbox.close(),
  };
}
