import type { Context } from 'hono';
import { Hono } from 'hono';
import { persistInBackground } from '../background-errors.js';
import { ScenarioApiError } from '../errors/scenario-api-error.js';
import type { SandboxEnv } from '../hono-env.js';
import { randomHex, scenarioId } from '../ids/random-id.js';
import { MAX_OBJECT_BYTES } from '../limits.js';
import { SANDBOX_IDENTITY } from '../credentials.js';
import type { SandboxContext } from '../sandbox-context.js';
import { SCENARIO_BUCKET } from '../storage/buckets.js';
import { presignStoragePut } from '../storage/presigner.js';
import {
  assertUploadResponse,
  parseCreateUploadBody,
  parseTriggerUploadActionBody,
} from './contract.js';
import type { ScenarioCreateInput } from './contract.js';
import { checkScenarioAuth, resolveProject } from './scenario-auth.js';
import type { ScenarioLifecycle } from './scenario-lifecycle.js';
import type { ScenarioUploadFields, ScenarioUploadRecord } from './scenario-records.js';

/** Part URLs signed concurrently. */
const SIGN_BATCH = 256;

const badRequest = (message: string) =>
  new ScenarioApiError(400, {
    message,
    reason: 'invalid_argument',
    traceId: `1-${randomHex(4).toLowerCase()}-${randomHex(12).toLowerCase()}`,
  });

const notFound = (uploadId: string) =>
  new ScenarioApiError(404, {
    message: `Upload ${uploadId} not found`,
    code: 'NOT_FOUND',
    trace_id: randomHex(8).toLowerCase(),
  });

async function readJson(c: Context<SandboxEnv>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw badRequest('The body must be valid JSON');
  }
}

function lastPathSegment(url: string): string {
  try {
    const segments = new URL(url).pathname.split('/').filter(Boolean);
    return decodeURIComponent(segments.at(-1) ?? '') || 'file';
  } catch {
    return 'file';
  }
}

/** The three upload operations of `scenario.yaml`, under `/scenario/v1`. */
export function scenarioRoutes(
  ctx: SandboxContext,
  lifecycle: ScenarioLifecycle,
): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  const uploads = () => ctx.store.state.scenario.uploads;

  const authorize = (c: Context<SandboxEnv>): string => {
    checkScenarioAuth(c.req.header('authorization'), ctx.credentials.scenario);
    return resolveProject(c.req.query('projectId'), ctx.credentials.scenario);
  };

  const find = (uploadId: string, projectId: string): ScenarioUploadRecord => {
    const record = Object.hasOwn(uploads(), uploadId) ? uploads()[uploadId] : undefined;
    if (!record || record.upload.ownerId !== projectId) throw notFound(uploadId);
    if (lifecycle.advance(record)) persistInBackground(ctx, `saving ${uploadId} after a read`);
    return record;
  };

  /** The wire form: part URLs are signed afresh on every read while the upload is pending. */
  const present = async (
    record: ScenarioUploadRecord,
  ): Promise<
    ScenarioUploadFields & { parts?: { number: number; url: string; expires: string }[] }
  > => {
    const { upload, internal } = record;
    if (upload.status !== 'pending' || upload.source !== 'multipart') return { ...upload };
    const sign = async (number: number) => {
      const signed = await presignStoragePut(ctx, {
        bucket: SCENARIO_BUCKET.name,
        region: SCENARIO_BUCKET.region,
        key: internal.key!,
        query: { partNumber: String(number), uploadId: internal.multipartUploadId! },
        ttlSeconds: ctx.scenario.partUrlTtlSeconds,
      });
      return { number, url: signed.url, expires: new Date(signed.expiresAtMs).toISOString() };
    };
    // WebCrypto runs on libuv's pool: batches sign in parallel (10,000 parts in about a second).
    const parts = [];
    const count = upload.partsCount ?? 0;
    for (let first = 1; first <= count; first += SIGN_BATCH) {
      const batch = Array.from(
        { length: Math.min(SIGN_BATCH, count - first + 1) },
        (_, i) => first + i,
      );
      parts.push(...(await Promise.all(batch.map(sign))));
    }
    return { ...upload, parts };
  };

  const answer = async (
    c: Context<SandboxEnv>,
    operation: 'createUpload' | 'getUpload' | 'triggerUploadAction',
    record: ScenarioUploadRecord,
  ) => {
    const body = { upload: await present(record) };
    assertUploadResponse(operation, body);
    return c.json(body, 200);
  };

  const create = (input: ScenarioCreateInput, projectId: string): ScenarioUploadRecord => {
    const nowIso = new Date(ctx.now()).toISOString();
    const base = {
      id: scenarioId('upload'),
      authorId: SANDBOX_IDENTITY.scenarioUserId,
      ownerId: projectId,
      createdAt: nowIso,
      updatedAt: nowIso,
    };
    switch (input.mode) {
      case 'multipart': {
        const b = input.body;
        if (b.fileSize > MAX_OBJECT_BYTES)
          throw badRequest(`fileSize must be at most ${MAX_OBJECT_BYTES} bytes (5 TB)`);
        const key = `${projectId}/${base.id}`;
        const multipart = ctx.objects.createMultipartUpload(
          SCENARIO_BUCKET.name,
          key,
          b.contentType,
        );
        return {
          upload: {
            ...base,
            fileName: b.fileName,
            originalFileName: b.fileName,
            contentType: b.contentType,
            fileSize: b.fileSize,
            partsCount: b.parts,
            kind: b.kind,
            source: 'multipart',
            status: 'pending',
            ...(b.assetOptions ? { assetOptions: b.assetOptions } : {}),
          },
          internal: { multipartUploadId: multipart.uploadId, bucket: SCENARIO_BUCKET.name, key },
        };
      }
      case 'url':
        return {
          upload: {
            ...base,
            fileName: lastPathSegment(input.body.url),
            kind: input.body.kind,
            source: 'url',
            status: 'validating',
            url: input.body.url,
            jobId: scenarioId('job'),
          },
          internal: {},
        };
      case 'huggingface':
        return {
          upload: {
            ...base,
            fileName:
              input.body.huggingFaceModelName.split('/').at(-1) || input.body.huggingFaceModelName,
            kind: 'model',
            source: 'huggingface',
            provider: 'huggingface',
            status: 'validating',
            url: `https://huggingface.co/${input.body.huggingFaceModelName}`,
            jobId: scenarioId('job'),
          },
          internal: {},
        };
      case 'civitai':
        return {
          upload: {
            ...base,
            fileName: lastPathSegment(input.body.civitaiModelUrl),
            kind: 'model',
            source: 'civitai',
            provider: 'civitai',
            status: 'validating',
            url: input.body.civitaiModelUrl,
            jobId: scenarioId('job'),
          },
          internal: {},
        };
    }
  };

  app.post('/uploads', async (c) => {
    const projectId = authorize(c);
    const parsed = parseCreateUploadBody(await readJson(c));
    if (!parsed.ok) throw badRequest(parsed.message);
    const record = create(parsed.value, projectId);
    uploads()[record.upload.id] = record;
    if (record.upload.status === 'validating') lifecycle.start(record);
    await ctx.store.persist();
    return answer(c, 'createUpload', record);
  });

  app.get('/uploads/:uploadId', async (c) => {
    const projectId = authorize(c);
    return answer(c, 'getUpload', find(c.req.param('uploadId'), projectId));
  });

  app.post('/uploads/:uploadId/action', async (c) => {
    const projectId = authorize(c);
    const record = find(c.req.param('uploadId'), projectId);
    const parsed = parseTriggerUploadActionBody(await readJson(c));
    if (!parsed.ok) throw badRequest(parsed.message);
    if (record.upload.status !== 'pending') {
      throw new ScenarioApiError(409, {
        message: 'Upload is not pending',
        reason: 'upload_not_pending',
      });
    }
    // From now on the S3 upload id is spent: late part PUTs get NoSuchUpload, as on S3.
    const multipart = ctx.objects.getMultipartUpload(record.internal.multipartUploadId ?? '');
    if (multipart) multipart.state = 'completed';
    record.upload.status = 'validating';
    record.upload.jobId = scenarioId('job');
    record.upload.updatedAt = new Date(ctx.now()).toISOString();
    lifecycle.start(record);
    await ctx.store.persist();
    return answer(c, 'triggerUploadAction', record);
  });

  app.all('*', () => {
    throw new ScenarioApiError(404, {
      message: 'Not Found',
      code: 'NOT_FOUND',
      trace_id: randomHex(8).toLowerCase(),
    });
  });

  return app;
}
