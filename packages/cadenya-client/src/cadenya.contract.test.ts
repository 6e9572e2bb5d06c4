import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseExampleNames, startPrism, type PrismServer } from '@upkit/test-utils';
import { Cadenya } from './index.js';

// The package's own OpenAPI document: Prism (request validation on) accepts what the client sends,
// and the client's strict response validation accepts every example Prism answers with.
const DOCUMENT = fileURLToPath(new URL('../../schemas/openapi/cadenya.yaml', import.meta.url));

const examplesOf = (operationId: string): string[] => responseExampleNames(DOCUMENT, operationId);

const WORKSPACE = 'workspace_01JZ0SANDBXWKSPC0000000001';
const UPLOAD = 'upload_01HXKD2E5NQM3T9AYWCFZ05DNK';

const calls = {
  UploadService_CreateUpload: (c: Cadenya) =>
    c.uploads.create({
      metadata: { name: 'notes.txt', externalId: 'ext-1', labels: { team: 'docs' } },
      spec: { filename: 'notes.txt', contentType: 'text/plain', sizeBytes: 1024 },
    }),
  UploadService_GetUpload: (c: Cadenya) => c.uploads.retrieve(UPLOAD),
  MemoryService_CreateMemoryEntry: (c: Cadenya) =>
    c.memoryLayers.entries.create('external_id:docs', {
      metadata: { name: 'notes' },
      spec: { type: 'uploadId', uploadId: UPLOAD, key: 'notes' },
    }),
} as const;

describe('Cadenya contract (Prism mock of cadenya.yaml)', () => {
  let prism: PrismServer;
  const client = (prefer?: string): Cadenya =>
    new Cadenya({
      baseURL: prism.url,
      apiKey: 'k',
      workspaceId: WORKSPACE,
      maxRetries: 0,
      ...(prefer === undefined ? {} : { defaultHeaders: { prefer: `example=${prefer}` } }),
    });

  beforeAll(async () => {
    prism = await startPrism(DOCUMENT);
  });
  afterAll(async () => {
    await prism?.close();
  });

  it.each(Object.keys(calls))('%s: the request is accepted', async (operationId) => {
    const result = await calls[operationId as keyof typeof calls](client());
    expect(result.metadata).toBeDefined();
  });

  it('the per-call workspaceId is accepted', async () => {
    const { response } = await client()
      .uploads.retrieve(UPLOAD, { workspaceId: 'workspace_01JZ0SANDBXWKSPC0000000002' })
      .withResponse();
    expect(response.status).toBe(200);
    const created = await client()
      .uploads.create({
        metadata: { name: 'notes.txt' },
        spec: { filename: 'notes.txt', contentType: 'text/plain', sizeBytes: 1 },
        workspaceId: 'workspace_01JZ0SANDBXWKSPC0000000002',
      })
      .withResponse();
    expect(created.response.status).toBe(200);
  });

  for (const [operationId, call] of Object.entries(calls)) {
    // Without named examples Prism answers the schema's single `example` (or one it builds).
    const names = examplesOf(operationId);
    if (names.length === 0) names.push('default');
    it.each(names)(`${operationId} example %s parses`, async (name) => {
      const result = await call(client(name === 'default' ? undefined : name));
      expect(typeof result.metadata.name).toBe('string');
    });
  }
});
