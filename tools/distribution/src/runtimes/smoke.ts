// The smoke test other runtimes run (Bun, Deno, workerd): both clients and the uploader, from a
// Uint8Array and a Blob, against the sandbox. Bundled by esbuild with the portable entries.
import { Cadenya } from '@upkit/cadenya-client';
import { Scenario } from '@upkit/scenario-client';
import { cadenyaTarget, scenarioTarget, upload, type UploadTarget } from '@upkit/upload-uploader';

/** The sandbox's addresses and credentials. */
export interface SmokeConfig {
  scenarioBaseUrl: string;
  scenarioApiKey: string;
  scenarioApiSecret: string;
  cadenyaBaseUrl: string;
  cadenyaApiKey: string;
  cadenyaWorkspaceId: string;
}

function bytes(size: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** Uploads a Uint8Array and a Blob to each API, and retrieves each upload. */
export async function runSmoke(config: SmokeConfig) {
  const scenario = new Scenario({
    baseURL: config.scenarioBaseUrl,
    apiKey: config.scenarioApiKey,
    apiSecret: config.scenarioApiSecret,
  });
  const cadenya = new Cadenya({
    baseURL: config.cadenyaBaseUrl,
    apiKey: config.cadenyaApiKey,
    workspaceId: config.cadenyaWorkspaceId,
  });
  const target = (name: 'scenario' | 'cadenya'): UploadTarget<unknown> =>
    name === 'scenario'
      ? scenarioTarget(scenario, { kind: 'asset', pollIntervalMs: 20 })
      : cadenyaTarget(cadenya, { pollIntervalMs: 20 });

  const results = [];
  for (const name of ['scenario', 'cadenya'] as const) {
    // Just over 6 MiB: one Scenario part (8 MiB by default), one Cadenya PUT.
    const data = bytes(6 * 2 ** 20 + 123, name === 'scenario' ? 1 : 2);
    for (const [source, input] of [
      ['Uint8Array', data],
      ['Blob', new Blob([data], { type: 'application/octet-stream' })],
    ] as const) {
      const result = await upload(target(name), input, {
        name: `smoke-${source}.bin`,
        contentType: 'application/octet-stream',
      });
      const retrieved =
        name === 'scenario'
          ? (await scenario.uploads.retrieve(result.uploadId)).upload.status
          : (await cadenya.uploads.retrieve(result.uploadId)).info.status;
      results.push({
        target: name,
        source,
        uploadId: result.uploadId,
        sha256: result.sha256,
        status: retrieved,
      });
    }
  }
  return results;
}
