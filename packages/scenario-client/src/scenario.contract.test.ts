import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseExampleNames, startPrism, type PrismServer } from '@upkit/test-utils';
import { Scenario, type ScenarioCreateUploadRequest } from './index.js';

// The package's own OpenAPI document: Prism (request validation on) accepts what the client sends,
// and the client's strict response validation accepts every example Prism answers with.
const DOCUMENT = fileURLToPath(new URL('../../schemas/openapi/scenario.yaml', import.meta.url));

const examplesOf = (operationId: string): string[] => responseExampleNames(DOCUMENT, operationId);

const bodies: Record<string, ScenarioCreateUploadRequest> = {
  multipart: {
    fileName: 'castle.png',
    contentType: 'image/png',
    fileSize: 12_582_912,
    parts: 3,
    kind: 'image',
    assetOptions: { collectionIds: ['col_1'], hide: false },
  },
  url: { url: 'https://example.org/castle.png', kind: 'image' },
  huggingFace: { huggingFaceModelName: 'org/model' },
  civitai: { civitaiModelUrl: 'https://civitai.com/models/1' },
};

describe('Scenario contract (Prism mock of scenario.yaml)', () => {
  let prism: PrismServer;
  let client: Scenario;

  beforeAll(async () => {
    prism = await startPrism(DOCUMENT);
    client = new Scenario({ baseURL: prism.url, apiKey: 'k', apiSecret: 's', maxRetries: 0 });
  });
  afterAll(async () => {
    await prism?.close();
  });

  it.each(Object.entries(bodies))('createUpload accepts the %s mode', async (_, body) => {
    const { upload } = await client.uploads.create({ ...body, projectId: 'proj_1' });
    expect(upload.id).toBeTruthy();
  });

  it('getUpload and triggerUploadAction accept the requests (with and without a bearer token)', async () => {
    expect((await client.uploads.retrieve('upload_1')).upload.id).toBeTruthy();
    expect((await client.uploads.complete('upload_1')).upload.id).toBeTruthy();
    const bearer = new Scenario({ baseURL: prism.url, bearerToken: 't', projectId: 'proj_1' });
    const { response } = await bearer.uploads
      .triggerAction('upload_1', { action: 'complete', projectId: 'proj_2' })
      .withResponse();
    expect(response.status).toBe(200);
  });

  for (const [operationId, call] of [
    ['createUpload', (c: Scenario) => c.uploads.create(bodies.url!)],
    ['getUpload', (c: Scenario) => c.uploads.retrieve('upload_1')],
    ['triggerUploadAction', (c: Scenario) => c.uploads.complete('upload_1')],
  ] as const) {
    // Without named examples Prism answers the schema's single `example` (or one it builds).
    const names = examplesOf(operationId);
    if (names.length === 0) names.push('default');
    it.each(names)(`${operationId} example %s parses`, async (name) => {
      const withExample = new Scenario({
        baseURL: prism.url,
        apiKey: 'k',
        apiSecret: 's',
        maxRetries: 0,
        ...(name === 'default' ? {} : { defaultHeaders: { prefer: `example=${name}` } }),
      });
      const { upload } = await call(withExample);
      expect(typeof upload.id).toBe('string');
    });
  }
});
