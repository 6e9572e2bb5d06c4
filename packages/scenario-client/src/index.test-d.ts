import { describe, expectTypeOf, it } from 'vitest';
import type {
  APIPromise,
  HttpClient,
  ImportedUpload,
  OperationRequestOptions,
  ScenarioCreateCivitaiUploadRequest,
  ScenarioCreateHuggingFaceUploadRequest,
  ScenarioCreateMultipartUploadRequest,
  ScenarioCreateUrlUploadRequest,
  ScenarioUploadResponse,
  UploadParams,
  Uploads,
  UploadsCreateParams,
  UploadsRetrieveParams,
  UploadsTriggerActionParams,
  WithResponse,
} from './index.js';
import { isAPIError, isUpkitError, Scenario, send } from './index.js';

declare const client: Scenario;

describe('public signatures', () => {
  it('create takes a union with one member per mode, with projectId beside the fields', () => {
    expectTypeOf<Parameters<Uploads['create']>>().toEqualTypeOf<
      [params: UploadsCreateParams, options?: OperationRequestOptions]
    >();
    expectTypeOf<UploadsCreateParams>().toEqualTypeOf<
      (
        | ScenarioCreateMultipartUploadRequest
        | ScenarioCreateUrlUploadRequest
        | ScenarioCreateHuggingFaceUploadRequest
        | ScenarioCreateCivitaiUploadRequest
      ) & { projectId?: string | undefined }
    >();
    void client.uploads.create({ url: 'https://x.org/a.png', kind: 'image', projectId: 'p' });
    // @ts-expect-error projectId is no longer a second argument
    void client.uploads.create({ url: 'https://x.org/a.png', kind: 'image' }, { projectId: 'p' });
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
      client.uploads.retrieve('upload_1', { projectId: 'p' }, { timeout: 1 }),
    ).resolves.toHaveProperty('upload');
    expectTypeOf(client.uploads.retrieve('u').withResponse()).resolves.toEqualTypeOf<
      WithResponse<ScenarioUploadResponse>
    >();
    expectTypeOf<Parameters<Uploads['retrieve']>[2]>().toEqualTypeOf<
      OperationRequestOptions | undefined
    >();
    expectTypeOf<Parameters<Uploads['retrieve']>[1]>().toEqualTypeOf<
      UploadsRetrieveParams | undefined
    >();
    expectTypeOf<UploadParams>().toEqualTypeOf<{ projectId?: string | undefined }>();
    // @ts-expect-error the upload id is required
    void client.uploads.retrieve();
  });

  it('triggerAction takes only the complete action; complete and the waiter are typed', () => {
    void client.uploads.triggerAction('u', { action: 'complete' });
    void client.uploads.triggerAction('u', { action: 'complete', projectId: 'p' }, { timeout: 1 });
    expectTypeOf<
      Parameters<Uploads['triggerAction']>[1]
    >().toEqualTypeOf<UploadsTriggerActionParams>();
    // @ts-expect-error the action is required
    void client.uploads.triggerAction('u', { projectId: 'p' });
    // @ts-expect-error not an action
    void client.uploads.triggerAction('u', { action: 'cancel' });
    expectTypeOf(client.uploads.complete('u')).toEqualTypeOf<APIPromise<ScenarioUploadResponse>>();
    expectTypeOf(
      client.uploads.waitForProcessing('u', { intervalMs: 10 }),
    ).resolves.toEqualTypeOf<ImportedUpload>();
    expectTypeOf<ImportedUpload['entityId']>().toEqualTypeOf<string>();
  });

  it('re-exports core-http’s send and guards, typed over its HttpClient', () => {
    expectTypeOf(send).parameter(0).toEqualTypeOf<HttpClient>();
    expectTypeOf(client.http).toEqualTypeOf<HttpClient>();
    const error: unknown = new Error('x');
    if (isAPIError(error)) expectTypeOf(error.status).toBeNumber();
    if (isUpkitError(error)) expectTypeOf(error.message).toBeString();
  });

  it('the constructor takes the documented options', () => {
    void new Scenario({ apiKey: 'k', apiSecret: 's', projectId: 'p', timeout: 1, maxRetries: 0 });
    void new Scenario({ bearerToken: 't', baseURL: 'http://127.0.0.1:1' });
    // @ts-expect-error unknown option
    void new Scenario({ apikey: 'k' });
  });
});
