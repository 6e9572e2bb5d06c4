import { describe, expectTypeOf, it } from 'vitest';
import type {
  APIPromise,
  ImportedUpload,
  OperationRequestOptions,
  ScenarioCreateCivitaiUploadRequest,
  ScenarioCreateHuggingFaceUploadRequest,
  ScenarioCreateMultipartUploadRequest,
  ScenarioCreateUrlUploadRequest,
  ScenarioUploadResponse,
  Uploads,
  WithResponse,
} from './index.js';
import { Scenario } from './index.js';

declare const client: Scenario;

describe('public signatures', () => {
  it('create takes a union with one member per mode', () => {
    expectTypeOf<Parameters<Uploads['create']>[0]>().toEqualTypeOf<
      | ScenarioCreateMultipartUploadRequest
      | ScenarioCreateUrlUploadRequest
      | ScenarioCreateHuggingFaceUploadRequest
      | ScenarioCreateCivitaiUploadRequest
    >();
    expectTypeOf(
      client.uploads.create({ url: 'https://x.org/a.png', kind: 'image' }),
    ).toEqualTypeOf<APIPromise<ScenarioUploadResponse>>();
    // @ts-expect-error a kind that does not exist
    void client.uploads.create({ url: 'https://x.org/a.png', kind: 'spreadsheet' });
  });

  it('retrieve takes the upload id, then optional params and options', () => {
    expectTypeOf(client.uploads.retrieve('upload_1')).toEqualTypeOf<
      APIPromise<ScenarioUploadResponse>
    >();
    expectTypeOf(
      client.uploads.retrieve('upload_1', { projectId: 'p' }, { timeoutMs: 1 }),
    ).resolves.toHaveProperty('upload');
    expectTypeOf(client.uploads.retrieve('u').withResponse()).resolves.toEqualTypeOf<
      WithResponse<ScenarioUploadResponse>
    >();
    expectTypeOf<Parameters<Uploads['retrieve']>[2]>().toEqualTypeOf<
      OperationRequestOptions | undefined
    >();
    // @ts-expect-error the upload id is required
    void client.uploads.retrieve();
  });

  it('triggerAction takes only the complete action; complete and the waiter are typed', () => {
    void client.uploads.triggerAction('u', { action: 'complete' });
    // @ts-expect-error not an action
    void client.uploads.triggerAction('u', { action: 'cancel' });
    expectTypeOf(client.uploads.complete('u')).toEqualTypeOf<APIPromise<ScenarioUploadResponse>>();
    expectTypeOf(
      client.uploads.waitForProcessing('u', { intervalMs: 10 }),
    ).resolves.toEqualTypeOf<ImportedUpload>();
    expectTypeOf<ImportedUpload['entityId']>().toEqualTypeOf<string>();
  });

  it('the constructor takes the documented options', () => {
    void new Scenario({ apiKey: 'k', apiSecret: 's', projectId: 'p', timeout: 1, maxRetries: 0 });
    void new Scenario({ bearerToken: 't', baseURL: 'http://127.0.0.1:1' });
    // @ts-expect-error unknown option
    void new Scenario({ apikey: 'k' });
  });
});
