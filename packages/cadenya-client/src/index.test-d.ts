import { describe, expectTypeOf, it } from 'vitest';
import type {
  APIPromise,
  CadenyaMemoryEntryDetail,
  CadenyaUpload,
  Uploads,
  WithResponse,
  WorkspaceParams,
} from './index.js';
import { Cadenya } from './index.js';

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
      { workspaceId?: string | undefined } | undefined
    >();
    // @ts-expect-error workspaceId is not positional
    void cadenya.uploads.retrieve('ws', 'upload_1');
    // @ts-expect-error the id is required
    void cadenya.uploads.retrieve();
    expectTypeOf(cadenya.uploads.retrieve('u').withResponse()).resolves.toEqualTypeOf<
      WithResponse<CadenyaUpload>
    >();
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
    expectTypeOf<Parameters<Uploads['create']>[1]>().toEqualTypeOf<WorkspaceParams | undefined>();
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

  it('the constructor takes the documented options', () => {
    void new Cadenya({ apiKey: 'k', workspaceId: 'ws', baseURL: 'https://x', deadline: 1 });
    // @ts-expect-error unknown option
    void new Cadenya({ workspace: 'ws' });
  });
});
