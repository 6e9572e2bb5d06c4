import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioApiError } from '../errors/scenario-api-error.js';
import type { SandboxOptions } from '../options.js';
import { openTestContext } from '../testing/test-context.js';
import type { TestContext } from '../testing/test-context.js';
import type { ScenarioCreateInput } from './contract.js';
import { ScenarioLifecycle } from './scenario-lifecycle.js';
import { ScenarioService } from './scenario-service.js';

let current: { t: TestContext; lifecycle: ScenarioLifecycle } | undefined;
afterEach(async () => {
  await current?.lifecycle.idle();
  await current?.t.close();
  current = undefined;
});

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(24, 7),
]);

async function open(options: SandboxOptions = {}) {
  const t = await openTestContext(options);
  const lifecycle = new ScenarioLifecycle(t.ctx);
  current = { t, lifecycle };
  const projectId = t.ctx.credentials.scenario.projectId;
  return { ...t, lifecycle, projectId, service: new ScenarioService(t.ctx, lifecycle) };
}

type Opened = Awaited<ReturnType<typeof open>>;

const multipart = (t: Opened, parts = 2, fileSize = PNG.length): Promise<{ upload: Upload }> =>
  t.service.createUpload(t.projectId, {
    mode: 'multipart',
    body: { fileName: 'castle.png', contentType: 'image/png', fileSize, parts, kind: 'image' },
  } as ScenarioCreateInput);

type Upload = Awaited<ReturnType<ScenarioService['getUpload']>>['upload'];

/** Stores the file's parts (16 bytes each, the last takes the rest) as part PUTs would. */
async function storeParts(t: Opened, upload: Upload, file = PNG) {
  const record = t.ctx.store.state.scenario.uploads[upload.id]!;
  const s3 = t.ctx.objects.getMultipartUpload(record.internal.multipartUploadId!)!;
  for (let number = 1; number <= upload.partsCount!; number++) {
    const end = number === upload.partsCount ? file.length : number * 16;
    const body = await t.ctx.objects.receive(
      Readable.from([file.subarray((number - 1) * 16, end)]),
    );
    await t.ctx.objects.putPart(s3, number, body);
  }
}

const complete = (t: Opened, id: string) =>
  t.service.triggerUploadAction(t.projectId, id, async () => ({ action: 'complete' }));

/** The status after the background check, and then after each due transition. */
async function statusesOnTheClock(t: Opened, id: string, delayMs: number) {
  await t.lifecycle.idle();
  const seen = [(await t.service.getUpload(t.projectId, id)).upload];
  for (let i = 0; i < 2; i++) {
    t.clock.advance(delayMs);
    seen.push((await t.service.getUpload(t.projectId, id)).upload);
  }
  return seen;
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) =>
      error instanceof ScenarioApiError ? { status: error.status, ...error.body } : error,
  );

describe('ScenarioService', () => {
  it('moves a multipart upload pending → validating → validated → imported, on the clock', async () => {
    const t = await open({ scenario: { validatingDelayMs: 60_000, importDelayMs: 60_000 } });
    const { upload } = await multipart(t);
    expect(upload).toMatchObject({ status: 'pending', source: 'multipart', partsCount: 2 });
    expect(upload.parts!.map((part) => part.number)).toEqual([1, 2]);
    expect(upload.parts![0]!.url.startsWith('http://sandbox.test/storage/')).toBe(true);
    await storeParts(t, upload);
    const completed = (await complete(t, upload.id)).upload;
    expect(completed.status).toBe('validating');
    expect(completed.parts).toBeUndefined();
    expect(completed.jobId).toMatch(/^job_/);
    const [checked, validated, imported] = await statusesOnTheClock(t, upload.id, 60_000);
    expect([checked!.status, validated!.status, imported!.status]).toEqual([
      'validating',
      'validated',
      'imported',
    ]);
    expect(imported!.entityId).toMatch(/^asset_/);
    expect(t.ctx.objects.listObjects()).toMatchObject([{ size: PNG.length }]);
  });

  it('signs the part URLs afresh on each read while pending', async () => {
    const t = await open();
    const { upload } = await multipart(t);
    t.clock.advance(5000);
    const again = (await t.service.getUpload(t.projectId, upload.id)).upload;
    expect(again.parts![0]!.url).not.toBe(upload.parts![0]!.url);
    expect(Date.parse(again.parts![0]!.expires) - Date.parse(upload.parts![0]!.expires)).toBe(5000);
  });

  it('fails an upload whose bytes are not its content type', async () => {
    const t = await open();
    const { upload } = await multipart(t, 1, 16);
    await storeParts(t, upload, Buffer.alloc(16, 1));
    await complete(t, upload.id);
    const [failed] = await statusesOnTheClock(t, upload.id, 0);
    expect(failed).toMatchObject({ status: 'failed', errorMessage: expect.stringMatching(/PNG/) });
  });

  it.each([
    [
      { mode: 'url', body: { url: 'https://example.org/a/castle.png', kind: 'image' } },
      { source: 'url', fileName: 'castle.png', kind: 'image' },
      /^asset_/,
    ],
    [
      { mode: 'huggingface', body: { huggingFaceModelName: 'stabilityai/sdxl-base' } },
      { source: 'huggingface', provider: 'huggingface', fileName: 'sdxl-base', kind: 'model' },
      /^model_/,
    ],
    [
      { mode: 'civitai', body: { civitaiModelUrl: 'https://civitai.com/models/42/vision' } },
      { source: 'civitai', provider: 'civitai', fileName: 'vision', kind: 'model' },
      /^model_/,
    ],
  ])('imports %j without fetching it', async (input, fields, entity) => {
    const t = await open({ scenario: { validatingDelayMs: 1000, importDelayMs: 1000 } });
    const { upload } = await t.service.createUpload(t.projectId, input as ScenarioCreateInput);
    expect(upload).toMatchObject({ ...fields, status: 'validating' });
    const [, validated, imported] = await statusesOnTheClock(t, upload.id, 1000);
    expect([validated!.status, imported!.status]).toEqual(['validated', 'imported']);
    expect(imported!.entityId).toMatch(entity);
  });

  it('refuses what the routes cannot see: 404 for another project, 409 once not pending, 400 over 5 TB', async () => {
    const t = await open();
    const { upload } = await multipart(t);
    const other = t.ctx.credentials.scenario.otherProjectIds[0]!;
    expect(await refusal(t.service.getUpload(other, upload.id))).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      message: `Upload ${upload.id} not found`,
    });
    await complete(t, upload.id);
    expect(await refusal(complete(t, upload.id))).toMatchObject({
      status: 409,
      reason: 'upload_not_pending',
    });
    expect(await refusal(multipart(t, 1, 6 * 1024 ** 4))).toMatchObject({
      status: 400,
      reason: 'invalid_argument',
    });
  });

  it('reads the action only once the upload is found', async () => {
    const t = await open();
    let read = false;
    const action = t.service.triggerUploadAction(t.projectId, 'upload_nope', async () => {
      read = true;
      return { action: 'complete' };
    });
    expect(await refusal(action)).toMatchObject({ status: 404 });
    expect(read).toBe(false);
  });
});
