// Signatures of generated client methods, checked by `tsc -b` against the checked-in client golden
// (over the uploads fixture, with `workspaceId` as a client-level path default and `limit` as a
// query default). Compile-time only; client.test.ts checks fresh output against the real
// core-http and @upkit/schemas the same way.
import { expectTypeOf } from 'vitest';
import { createResources } from './__golden__/client/resources.js';
import type {
  ResourceContext,
  UploadsCreateParams,
  UploadsListParams,
  UploadsRetrieveParams,
} from './__golden__/client/resources.js';
import type {
  CircleRequest,
  ShapeRequest,
  SquareRequest,
  Upload,
  UploadRequest,
} from './__golden__/uploads-3.1/standard-index.js';
import type { APIPromise } from './__fixtures__/client/core-http-types.js';

declare const ctx: ResourceContext;
const client = createResources(ctx);

export function pathParameters(): void {
  // The client-level default makes workspaceId optional; the id stays positional.
  expectTypeOf(client.uploads.retrieve('upload_1')).toEqualTypeOf<APIPromise<Upload>>();
  void client.uploads.retrieve('upload_1', { workspaceId: 'ws_1' });
  void client.uploads.retrieve('upload_1', {}, { timeoutMs: 1000 });
  expectTypeOf<Parameters<typeof client.uploads.retrieve>[1]>().toEqualTypeOf<
    UploadsRetrieveParams | undefined
  >();
  // @ts-expect-error the id is required
  void client.uploads.retrieve();
  // @ts-expect-error only declared parameters
  void client.uploads.retrieve('upload_1', { workspace: 'ws_1' });
  // @ts-expect-error the workspace is not positional
  void client.uploads.retrieve('ws_1', 'upload_1');
}

export function bodies(): void {
  // The body's fields and the parameters share one object (the Stainless shape).
  void client.uploads.create({ fileName: 'a.png', status: 'pending' });
  void client.uploads.create({ fileName: 'a.png', status: 'pending', workspaceId: 'ws_1' });
  void client.uploads.create({ fileName: 'a.png', status: 'pending' }, { idempotencyKey: true });
  expectTypeOf<UploadsCreateParams>().toEqualTypeOf<
    UploadRequest & { workspaceId?: string | undefined }
  >();
  // @ts-expect-error the body is required
  void client.uploads.create();
  // @ts-expect-error the options are the second argument now
  void client.uploads.create({ fileName: 'a.png', status: 'pending' }, {}, {});
  void client.uploads.complete('upload_1', { action: 'complete' });
  // @ts-expect-error complete's body is required
  void client.uploads.complete('upload_1', { workspaceId: 'ws_1' });
  // @ts-expect-error a body with an unknown key does not compile
  void client.uploads.create({ fileName: 'a.png', status: 'pending', surprise: 1 });
  // @ts-expect-error request enums are closed
  void client.uploads.create({ fileName: 'a.png', status: 'archived' });
  // @ts-expect-error readOnly properties are not part of request bodies
  void client.uploads.create({ fileName: 'a.png', status: 'pending', id: 'upload_1' });
  // A union body is one type per variant.
  expectTypeOf<Parameters<typeof client.shapes.putShape>[0]>().toEqualTypeOf<ShapeRequest>();
  expectTypeOf<CircleRequest & { kind: 'circle' }>().toExtend<ShapeRequest>();
  expectTypeOf<SquareRequest & { kind: 'box' }>().toExtend<ShapeRequest>();
  void client.shapes.putShape({ kind: 'circle', radius: 1 });
  // @ts-expect-error a circle has a radius
  void client.shapes.putShape({ kind: 'circle', side: 1 });
  // An optional body may be left out.
  void client.pets.createPet();
}

export function queryParameters(): void {
  void client.uploads.list();
  void client.uploads.list({ status: 'pending', limit: 10, 'sort.order': 'asc' });
  expectTypeOf<keyof UploadsListParams>().toEqualTypeOf<
    'workspaceId' | 'status' | 'limit' | 'sort.order'
  >();
  // @ts-expect-error sort.order is a closed enum
  void client.uploads.list({ 'sort.order': 'up' });
}

export function nestedResources(): void {
  expectTypeOf(client.trees.events.stream('tree_1')).toEqualTypeOf<APIPromise<undefined>>();
  expectTypeOf(client.uploads.delete('upload_1')).toEqualTypeOf<APIPromise<undefined>>();
}
