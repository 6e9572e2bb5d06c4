import { describe, expectTypeOf, it } from 'vitest';
import type {
  APIPromise,
  CadenyaMemoryEntryDetail,
  CadenyaUpload,
  CreateUploadParams,
  HttpClient,
  MemoryLayersEntriesCreateParams,
  OperationRequestOptions,
  Uploads,
  UploadsRetrieveParams,
  WithResponse,
  WorkspaceParams,
} from './index.js';
import { Cadenya, isAPIError, isUpkitError, send } from './index.js';

declare const cadenya: Cadenya;

describe('public signatures', () => {
  it('retrieve takes the id; workspaceId only as an optional param', () => {
    expectTypeOf(cadenya.uploads.retrieve('upload_1')).toEqualTypeOf<APIPromise<CadenyaUpload>>();
    void cadenya.uploads.retrieve(
      'upload_1',
      { workspaceId: 'ws' },
      { signal: AbortSignal.timeout(1) },
    );
    expectTypeOf<Parameters<Uploads['retrieve']>[1]>().toEqualTypeOf<
      UploadsRetrieveParams | undefined
    >();
    expectTypeOf<UploadsRetrieveParams>().toEqualTypeOf<WorkspaceParams>();
    expectTypeOf<WorkspaceParams>().toEqualTypeOf<{ workspaceId?: string | undefined }>();
    // @ts-expect-error workspaceId is not positional
    void cadenya.uploads.retrieve('ws', 'upload_1');
    // @ts-expect-error the id is required
    void cadenya.uploads.retrieve();
    expectTypeOf(cadenya.uploads.retrieve('u').withResponse()).resolves.toEqualTypeOf<
      WithResponse<CadenyaUpload>
    >();
  });

  it('create takes the body and workspaceId in one object, as the vendor SDK does', () => {
    const body = {
      metadata: { name: 'n' },
      spec: { filename: 'a.txt', contentType: 'text/plain', sizeBytes: 1 },
    };
    void cadenya.uploads.create({ ...body, workspaceId: 'ws' }, { idempotencyKey: true });
    expectTypeOf<Parameters<Uploads['create']>>().toEqualTypeOf<
      [params: CreateUploadParams, options?: OperationRequestOptions]
    >();
    expectTypeOf<CreateUploadParams['workspaceId']>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error the workspace is no longer a second argument
    void cadenya.uploads.create(body, { workspaceId: 'ws' });
    void cadenya.memoryLayers.entries.create('memlyr_1', {
      metadata: { name: 'n' },
      spec: { type: 'content', key: 'k', content: 'c' },
      workspaceId: 'ws',
    });
    expectTypeOf<
      Parameters<Cadenya['memoryLayers']['entries']['create']>[1]
    >().toEqualTypeOf<MemoryLayersEntriesCreateParams>();
  });

  it('create takes sizeBytes as number, bigint or string', () => {
    const spec = { filename: 'a.txt', contentType: 'text/plain' };
    for (const sizeBytes of [1, 1n, '1'] as const) {
      expectTypeOf(
        cadenya.uploads.create({ metadata: { name: 'n' }, spec: { ...spec, sizeBytes } }),
      ).toEqualTypeOf<APIPromise<CadenyaUpload>>();
    }
    // @ts-expect-error not a size
    void cadenya.uploads.create({ metadata: { name: 'n' }, spec: { ...spec, sizeBytes: true } });
    // @ts-expect-error spec is required
    void cadenya.uploads.create({ metadata: { name: 'n' } });
  });

  it('waitUntilComplete and memory entries are typed', () => {
    expectTypeOf(cadenya.uploads.waitUntilComplete('u')).resolves.toEqualTypeOf<CadenyaUpload>();
    expectTypeOf(
      cadenya.memoryLayers.entries.create('memlyr_1', {
        metadata: { name: 'n' },
        spec: { type: 'uploadId', uploadId: 'upload_1', key: 'k' },
      }),
    ).toEqualTypeOf<APIPromise<CadenyaMemoryEntryDetail>>();
  });

  it('re-exports core-http’s send and guards, typed over its HttpClient', () => {
    expectTypeOf(send).parameter(0).toEqualTypeOf<HttpClient>();
    expectTypeOf(cadenya.http).toEqualTypeOf<HttpClient>();
    const error: unknown = new Error('x');
    if (isAPIError(error)) expectTypeOf(error.status).toBeNumber();
    if (isUpkitError(error)) expectTypeOf(error.message).toBeString();
  });

  it('the constructor takes the documented options', () => {
    void new Cadenya({ apiKey: 'k', workspaceId: 'ws', baseURL: 'https://x', deadline: 1 });
    // @ts-expect-error unknown option
    void new Cadenya({ workspace: 'ws' });
  });
});
