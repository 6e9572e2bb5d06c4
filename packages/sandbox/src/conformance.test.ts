import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCadenyaResponse, assertStatusBody } from './cadenya/contract.js';
import { assertErrorBody, assertUploadResponse } from './scenario/contract.js';
import { cadenyaCall, scenarioCall, send } from './testing/http.js';
import type { JsonResponse } from './testing/http.js';
import { loadOpenApi, responseSchema, strictErrors } from './testing/openapi-strict.js';
import { propertyPaths, seedExample } from './testing/seeds.js';
import { openTestApp } from './testing/test-app.js';
import type { TestApp } from './testing/test-app.js';

/**
 * The sandbox's answers, the OpenAPI documents and the seed examples must agree. Every answer of a
 * run through both APIs (successes and refusals) is checked twice: with the schemas the sandbox
 * itself uses (generated from the documents) and strictly against the documents, so a property
 * the documents lack, or an unknown enum value, fails.
 */
interface Captured {
  readonly api: 'scenario' | 'cadenya';
  readonly operationId: string;
  readonly response: JsonResponse;
}

const scenarioDoc = loadOpenApi('scenario');
const cadenyaDoc = loadOpenApi('cadenya');
const captured: Captured[] = [];
let t: TestApp;

// In-process (`app.request()`): the answers are the point, not the socket.
beforeAll(async () => {
  t = await openTestApp({ scenario: { validatingDelayMs: 0, importDelayMs: 0 } });
  const sc = async (operationId: string, method: string, path: string, options = {}) => {
    const response = await scenarioCall(t.sandbox, method, path, options);
    captured.push({ api: 'scenario', operationId, response });
    return response;
  };
  const cd = async (operationId: string, method: string, path: string, options = {}) => {
    const response = await cadenyaCall(t.sandbox, method, path, options);
    captured.push({ api: 'cadenya', operationId, response });
    return response;
  };
  /** The upload once its background check is done: with no delays, imported or failed. */
  const settled = async (id: string) => {
    await t.settled();
    return sc('getUpload', 'GET', `/uploads/${id}`);
  };
  const put = (url: string, body: Buffer | string, headers: Record<string, string> = {}) =>
    send(t.sandbox, url, { body, headers: { ...headers, 'content-length': body.length } });
  const PNG = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(24),
  ]);

  // Scenario: every mode, every state, every refusal.
  const created = await sc('createUpload', 'POST', '/uploads', {
    body: {
      fileName: 'castle.png',
      contentType: 'image/png',
      fileSize: PNG.length,
      parts: 2,
      kind: 'image',
      assetOptions: { collectionIds: ['collection_1'], hide: false, parentId: 'asset_1' },
    },
  });
  await sc('getUpload', 'GET', `/uploads/${created.body.upload.id}`);
  await put(created.body.upload.parts[0].url, PNG.subarray(0, 16));
  await put(created.body.upload.parts[1].url, PNG.subarray(16));
  await sc('triggerUploadAction', 'POST', `/uploads/${created.body.upload.id}/action`, {
    body: { action: 'complete' },
  });
  expect((await settled(created.body.upload.id)).body.upload.status).toBe('imported');
  const failing = await sc('createUpload', 'POST', '/uploads', {
    body: {
      fileName: 'x.glb',
      contentType: 'model/gltf-binary',
      fileSize: 4,
      parts: 1,
      kind: '3d',
    },
  });
  await put(failing.body.upload.parts[0].url, 'nope');
  await sc('triggerUploadAction', 'POST', `/uploads/${failing.body.upload.id}/action`, {
    body: { action: 'complete' },
  });
  expect((await settled(failing.body.upload.id)).body.upload.status).toBe('failed');
  for (const body of [
    { url: 'https://example.org/a.png', kind: 'image' },
    { huggingFaceModelName: 'stabilityai/sdxl' },
    { civitaiModelUrl: 'https://civitai.com/models/1/x' },
  ]) {
    const imported = await sc('createUpload', 'POST', '/uploads', { body });
    expect((await settled(imported.body.upload.id)).body.upload.status).toBe('imported');
  }
  await sc('createUpload', 'POST', '/uploads', { body: { parts: 0 } });
  await sc('getUpload', 'GET', '/uploads/x', { auth: null });
  await sc('getUpload', 'GET', '/uploads/x?projectId=proj_other');
  await sc('getUpload', 'GET', '/uploads/x');
  await sc('triggerUploadAction', 'POST', `/uploads/${created.body.upload.id}/action`, {
    body: { action: 'complete' },
  });

  // Cadenya: every status, the entry, every refusal.
  const ws = t.sandbox.credentials.cadenya.workspaceId;
  const upload = await cd('UploadService_CreateUpload', 'POST', `/v1/workspaces/${ws}/uploads`, {
    body: {
      metadata: { name: 'n', externalId: 'e', labels: { a: 'b' } },
      spec: { filename: 'f.md', contentType: 'text/markdown', sizeBytes: '5' },
    },
  });
  await cd(
    'UploadService_GetUpload',
    'GET',
    `/v1/workspaces/${ws}/uploads/${upload.body.metadata.id}`,
  );
  await put(upload.body.info.uploadUrl, 'hello', { 'content-type': 'text/markdown' });
  await cd(
    'UploadService_GetUpload',
    'GET',
    `/v1/workspaces/${ws}/uploads/${upload.body.metadata.id}`,
  );
  const entryPath = `/v1/workspaces/${ws}/memory_layers/external_id:kb/entries`;
  const entry = {
    metadata: { name: 'e' },
    spec: { type: 'uploadId', uploadId: upload.body.metadata.id, key: 'a/b', description: 'd' },
  };
  await cd('MemoryService_CreateMemoryEntry', 'POST', entryPath, { body: entry });
  await cd(
    'UploadService_GetUpload',
    'GET',
    `/v1/workspaces/${ws}/uploads/${upload.body.metadata.id}`,
  );
  await cd('MemoryService_CreateMemoryEntry', 'POST', entryPath, {
    body: { ...entry, spec: { ...entry.spec, key: 'a/c' } },
  });
  await cd('MemoryService_CreateMemoryEntry', 'POST', entryPath, { body: entry });
  await cd('MemoryService_CreateMemoryEntry', 'POST', entryPath, {
    body: { metadata: { name: 'i' }, spec: { type: 'content', content: 'inline', key: 'x/y' } },
  });
  const expiring = await cd('UploadService_CreateUpload', 'POST', `/v1/workspaces/${ws}/uploads`, {
    body: {
      metadata: { name: 'n' },
      spec: { filename: 'f', contentType: 'text/plain', sizeBytes: '1' },
    },
  });
  t.clock.advance(901_000);
  await cd(
    'UploadService_GetUpload',
    'GET',
    `/v1/workspaces/${ws}/uploads/${expiring.body.metadata.id}`,
  );
  await cd('UploadService_CreateUpload', 'POST', `/v1/workspaces/${ws}/uploads`, {
    body: { metadata: {}, spec: {} },
  });
  await cd('UploadService_GetUpload', 'GET', `/v1/workspaces/${ws}/uploads/upload_x`, {
    auth: null,
  });
  await cd('UploadService_GetUpload', 'GET', `/v1/workspaces/workspace_other/uploads/upload_x`);
  await cd('UploadService_GetUpload', 'GET', `/v1/workspaces/${ws}/uploads/upload_x`);
});

afterAll(async () => {
  await t.close();
});

const statusKey = (status: number) => String(status);

describe('the sandbox agrees with the OpenAPI documents', () => {
  it('ran every operation, with successes and refusals', () => {
    const seen = new Set(captured.map((c) => `${c.operationId} ${c.response.status}`));
    for (const expected of [
      'createUpload 200',
      'createUpload 400',
      'getUpload 200',
      'getUpload 401',
      'getUpload 403',
      'getUpload 404',
      'triggerUploadAction 200',
      'triggerUploadAction 409',
      'UploadService_CreateUpload 200',
      'UploadService_CreateUpload 400',
      'UploadService_GetUpload 200',
      'UploadService_GetUpload 401',
      'UploadService_GetUpload 403',
      'UploadService_GetUpload 404',
      'MemoryService_CreateMemoryEntry 200',
      'MemoryService_CreateMemoryEntry 400',
      'MemoryService_CreateMemoryEntry 409',
    ]) {
      expect(seen).toContain(expected);
    }
    const statuses = captured.filter(
      (c) => c.operationId === 'UploadService_GetUpload' && c.response.status === 200,
    );
    expect(new Set(statuses.map((c) => c.response.body.info.status))).toEqual(
      new Set([
        'UPLOAD_STATUS_PENDING',
        'UPLOAD_STATUS_COMPLETE',
        'UPLOAD_STATUS_CONSUMED',
        'UPLOAD_STATUS_EXPIRED',
      ]),
    );
  });

  it('validates every answer with the generated schemas', () => {
    for (const { api, operationId, response } of captured) {
      if (response.status === 200) {
        if (api === 'scenario') assertUploadResponse(operationId as 'getUpload', response.body);
        else assertCadenyaResponse(operationId as 'UploadService_GetUpload', response.body);
      } else if (api === 'scenario') {
        assertErrorBody(response.body);
      } else {
        assertStatusBody(response.body);
      }
    }
  });

  it('validates every answer strictly against the documents (no undeclared property, no unknown enum value)', () => {
    const problems: string[] = [];
    for (const { api, operationId, response } of captured) {
      const doc = api === 'scenario' ? scenarioDoc : cadenyaDoc;
      const schema = responseSchema(doc, operationId, statusKey(response.status));
      for (const error of strictErrors(doc, schema, response.body)) {
        problems.push(`${operationId} ${response.status}: ${error}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers Cadenya errors as google.rpc.Status with the documented gRPC → HTTP mapping', () => {
    const mapping: Record<number, number> = { 3: 400, 5: 404, 6: 409, 7: 403, 9: 400, 16: 401 };
    for (const { api, response } of captured) {
      if (api !== 'cadenya' || response.status === 200) continue;
      expect(Object.keys(response.body).sort()).toEqual(['code', 'details', 'message']);
      expect(response.body.details).toEqual([]);
      expect(mapping[response.body.code]).toBe(response.status);
    }
  });

  it('catches an undeclared property (the strict check can fail)', () => {
    const ok = captured.find((c) => c.operationId === 'getUpload' && c.response.status === 200)!;
    const tampered = { upload: { ...ok.response.body.upload, surprise: true } };
    expect(strictErrors(scenarioDoc, responseSchema(scenarioDoc, 'getUpload'), tampered)).toEqual([
      '$.upload: property "surprise" is not in the document',
    ]);
    const unknownStatus = { upload: { ...ok.response.body.upload, status: 'archived' } };
    expect(
      strictErrors(scenarioDoc, responseSchema(scenarioDoc, 'getUpload'), unknownStatus),
    ).toHaveLength(1);
  });
});

describe('the seeds agree with the documents and the sandbox', () => {
  it.each([
    ['scenario', '000_5ac253ee411d2577.txt', 'getUpload'],
    ['cadenya', '004_50a56e3cd57dc7e8.txt', 'UploadService_GetUpload'],
  ] as const)(
    '%s: the seed example validates strictly, and the sandbox answers no property beyond the seed or the document',
    (api, file, operationId) => {
      const doc = api === 'scenario' ? scenarioDoc : cadenyaDoc;
      const seed = seedExample(file);
      expect(strictErrors(doc, responseSchema(doc, operationId), seed)).toEqual([]);
      if (api === 'scenario') assertUploadResponse('getUpload', seed);
      else assertCadenyaResponse('UploadService_GetUpload', seed);

      const seedPaths = propertyPaths(seed);
      const answers = captured.filter(
        (c) => c.operationId === operationId && c.response.status === 200,
      );
      expect(answers.length).toBeGreaterThan(2);
      const beyondSeed = new Set<string>();
      for (const { response } of answers) {
        for (const path of propertyPaths(response.body))
          if (!seedPaths.has(path)) beyondSeed.add(path);
      }
      // Newer than the seeds, and declared by the documents (checked strictly above).
      const documentedSinceTheSeed =
        api === 'cadenya' ? ['$.metadata.updatedAt', '$.info.createdBy.metadata.createdAt'] : [];
      expect([...beyondSeed].sort()).toEqual(documentedSinceTheSeed.sort());
    },
  );
});
