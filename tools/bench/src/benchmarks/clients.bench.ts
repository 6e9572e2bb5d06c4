import { Cadenya } from '@upkit/cadenya-client';
import { startSandbox, silentLogger } from '@upkit/sandbox';
import { Scenario } from '@upkit/scenario-client';
import { interleaved, type Benchmark, type Measurement } from '../benchmark.js';
import { gzippedBundleSize } from '../bundle-size.js';

const ROUNDS = 15;
const REQUESTS_PER_ROUND = 100;
const WARM_UP_ROUNDS = 4;

/** An app that calls only `cadenya.uploads.retrieve`: what it downloads of the client. */
const RETRIEVE_ONLY_APP = `
import { Cadenya } from '@upkit/cadenya-client';
const cadenya = new Cadenya({ apiKey: 'key', workspaceId: 'workspace_1' });
console.log(await cadenya.uploads.retrieve('upload_1'));
`;

/** The same call made on core-http directly, without the client facade: the part core-http owns. */
const CORE_ONLY_APP = `
import { bearerAuth, createHttpClient } from '@upkit/core-http';
import { uploadServiceGetUpload } from '@upkit/schemas/cadenya/operations';
const http = createHttpClient({ baseURL: 'https://api.cadenya.com', auth: bearerAuth('key') });
console.log(await http.request(uploadServiceGetUpload, { path: { workspaceId: 'w', id: 'upload_1' } }));
`;

/**
 * (1) `uploads.retrieve` of each client against a started `@upkit/sandbox`, against raw `fetch` +
 * `JSON.parse` of the same URL with the same credentials: what the client (auth, retries
 * bookkeeping, validation, APIPromise) adds to a real round trip.
 * (2) The minified + gzipped size of an app that calls only `cadenya.uploads.retrieve`.
 */
const bench: Benchmark = {
  name: 'clients: uploads.retrieve round trip and size',
  async run(): Promise<Measurement[]> {
    return [...(await measureRoundTrips()), await measureSize()];
  },
};
export default bench;

async function measureRoundTrips(): Promise<Measurement[]> {
  const sandbox = await startSandbox({
    port: 0,
    logger: silentLogger,
    requestLogLimit: 1,
    strict: true,
  });
  try {
    const { cadenya: cadenyaCredentials, scenario: scenarioCredentials } = sandbox.credentials;
    const cadenya = new Cadenya({
      baseURL: sandbox.cadenyaBaseUrl,
      apiKey: cadenyaCredentials.apiKey,
      workspaceId: cadenyaCredentials.workspaceId,
    });
    const created = await cadenya.uploads.create({
      metadata: { name: 'bench.txt' },
      spec: { filename: 'bench.txt', contentType: 'text/plain', sizeBytes: 5 },
    });
    const cadenyaId = created.metadata.id;
    const cadenyaUrl = `${sandbox.cadenyaBaseUrl}/v1/workspaces/${cadenyaCredentials.workspaceId}/uploads/${cadenyaId}`;
    const cadenyaHeaders = { authorization: `Bearer ${cadenyaCredentials.apiKey}` };

    const scenario = new Scenario({
      baseURL: sandbox.scenarioBaseUrl,
      apiKey: scenarioCredentials.apiKey,
      apiSecret: scenarioCredentials.apiSecret,
    });
    const { upload } = await scenario.uploads.create({
      url: 'https://example.org/bench.png',
      kind: 'image',
    });
    const scenarioUrl = `${sandbox.scenarioBaseUrl}/uploads/${upload.id}`;
    const basic = btoa(`${scenarioCredentials.apiKey}:${scenarioCredentials.apiSecret}`);
    const scenarioHeaders = { authorization: `Basic ${basic}` };

    const repeat = (call: () => Promise<unknown>) => async () => {
      for (let i = 0; i < REQUESTS_PER_ROUND; i++) await call();
    };
    const raw = (url: string, headers: Record<string, string>) =>
      repeat(async () => JSON.parse(await (await fetch(url, { headers })).text()));
    const perRequest = (ms: number): number => (ms / REQUESTS_PER_ROUND) * 1000;

    const results: Measurement[] = [];
    for (const [name, candidate, baseline] of [
      [
        'cadenya.uploads.retrieve against the sandbox, per request (median)',
        repeat(() => cadenya.uploads.retrieve(cadenyaId)),
        raw(cadenyaUrl, cadenyaHeaders),
      ],
      [
        'scenario.uploads.retrieve against the sandbox, per request (median)',
        repeat(() => scenario.uploads.retrieve(upload.id)),
        raw(scenarioUrl, scenarioHeaders),
      ],
    ] as const) {
      await interleaved(WARM_UP_ROUNDS, candidate, baseline);
      const timing = await interleaved(ROUNDS, candidate, baseline);
      results.push({
        name,
        value: perRequest(timing.candidate),
        unit: 'µs',
        baseline: {
          name: 'fetch + JSON.parse of the same URL',
          value: perRequest(timing.baseline),
        },
        target: '≤ 1.2× baseline',
      });
    }
    return results;
  } finally {
    await sandbox.close();
  }
}

async function measureSize(): Promise<Measurement> {
  return {
    name: 'an app calling only cadenya.uploads.retrieve, min+gz',
    value: await gzippedBundleSize(RETRIEVE_ONLY_APP),
    unit: 'bytes',
    baseline: {
      name: 'the same call on core-http + the descriptor, without the facade',
      value: await gzippedBundleSize(CORE_ONLY_APP),
    },
    target: '≤ 9728 bytes (9.5 KB, the official SDK)',
  };
}
