import type { ScenarioTriggerUploadActionBody } from '@upkit/schemas/scenario/classic';
import { persistInBackground } from '../background-errors.js';
import { SANDBOX_IDENTITY } from '../credentials.js';
import { scenarioId } from '../ids/random-id.js';
import { MAX_OBJECT_BYTES } from '../limits.js';
import type { SandboxContext } from '../sandbox-context.js';
import { SCENARIO_BUCKET } from '../storage/buckets.js';
import { presignStoragePut } from '../storage/presigner.js';
import type { ScenarioCreateInput } from './contract.js';
import { invalidArgument, uploadNotFound, uploadNotPending } from './scenario-errors.js';
import type { ScenarioLifecycle } from './scenario-lifecycle.js';
import type { ScenarioUploadFields, ScenarioUploadRecord } from './scenario-records.js';

/** Part URLs signed concurrently. */
const SIGN_BATCH = 256;

/** A part URL of a pending multipart upload. */
export interface ScenarioPartUrl {
  readonly number: number;
  readonly url: string;
  readonly expires: string;
}

/** The wire form of an upload: its stored fields, and its part URLs while it is pending. */
export type ScenarioUploadView = ScenarioUploadFields & { parts?: ScenarioPartUrl[] };

/** The answer of each upload operation. */
export interface ScenarioUploadAnswer {
  readonly upload: ScenarioUploadView;
}

/** The last path segment of a URL, as the file name of an import. */
function lastPathSegment(url: string): string {
  try {
    const segments = new URL(url).pathname.split('/').filter(Boolean);
    return decodeURIComponent(segments.at(-1) ?? '') || 'file';
  } catch {
    return 'file';
  }
}

/** The fields every new upload starts with. */
type NewUploadBase = Pick<
  ScenarioUploadFields,
  'id' | 'authorId' | 'ownerId' | 'createdAt' | 'updatedAt'
>;

/** An import from a URL, Hugging Face or Civitai: nothing to upload, so it starts validating. */
function importing(
  base: NewUploadBase,
  source: 'url' | 'huggingface' | 'civitai',
  url: string,
  kind: string,
  fileName = lastPathSegment(url),
): ScenarioUploadRecord {
  return {
    upload: {
      ...base,
      fileName,
      kind,
      source,
      ...(source === 'url' ? {} : { provider: source }),
      status: 'validating',
      url,
      jobId: scenarioId('job'),
    },
    internal: {},
  };
}

/**
 * The Scenario uploads, without HTTP: creates them in each mode, reads them (applying the
 * transitions that are due, and signing part URLs afresh while pending) and completes them, which
 * hands them to the {@link ScenarioLifecycle}. Answers in the wire form; failures are
 * `ScenarioApiError`s.
 */
export class ScenarioService {
  constructor(
    private readonly ctx: SandboxContext,
    private readonly lifecycle: ScenarioLifecycle,
  ) {}

  private get uploads() {
    return this.ctx.store.state.scenario.uploads;
  }

  /** `createUpload`: a pending multipart upload with its part URLs, or an import, validating. */
  async createUpload(projectId: string, input: ScenarioCreateInput): Promise<ScenarioUploadAnswer> {
    const record = this.newRecord(projectId, input);
    this.uploads[record.upload.id] = record;
    if (record.upload.status === 'validating') this.lifecycle.start(record);
    await this.ctx.store.persist();
    return this.present(record);
  }

  /** `getUpload`. */
  async getUpload(projectId: string, uploadId: string): Promise<ScenarioUploadAnswer> {
    return this.present(this.find(projectId, uploadId));
  }

  /**
   * `triggerUploadAction` (`complete`, the only action): the multipart upload starts validating.
   * The action is read once the upload is found, so an unknown upload is 404 whatever its body.
   */
  async triggerUploadAction(
    projectId: string,
    uploadId: string,
    readAction: () => Promise<ScenarioTriggerUploadActionBody>,
  ): Promise<ScenarioUploadAnswer> {
    const record = this.find(projectId, uploadId);
    await readAction();
    if (record.upload.status !== 'pending') throw uploadNotPending();
    // From now on the S3 upload id is spent: late part PUTs get NoSuchUpload, as on S3.
    const multipart = this.ctx.objects.getMultipartUpload(record.internal.multipartUploadId ?? '');
    if (multipart) multipart.state = 'completed';
    record.upload.status = 'validating';
    record.upload.jobId = scenarioId('job');
    record.upload.updatedAt = new Date(this.ctx.now()).toISOString();
    this.lifecycle.start(record);
    await this.ctx.store.persist();
    return this.present(record);
  }

  /** The upload of a project, with every transition due by now applied. @throws 404 */
  private find(projectId: string, uploadId: string): ScenarioUploadRecord {
    const record = Object.hasOwn(this.uploads, uploadId) ? this.uploads[uploadId] : undefined;
    if (!record || record.upload.ownerId !== projectId) throw uploadNotFound(uploadId);
    if (this.lifecycle.advance(record)) {
      persistInBackground(this.ctx, `saving ${uploadId} after a read`);
    }
    return record;
  }

  /** The wire form: part URLs are signed afresh on every read while the upload is pending. */
  private async present(record: ScenarioUploadRecord): Promise<ScenarioUploadAnswer> {
    const { upload } = record;
    if (upload.status !== 'pending' || upload.source !== 'multipart')
      return { upload: { ...upload } };
    // WebCrypto runs on libuv's pool: batches sign in parallel (10,000 parts in about a second).
    const parts: ScenarioPartUrl[] = [];
    const count = upload.partsCount ?? 0;
    for (let first = 1; first <= count; first += SIGN_BATCH) {
      const batch = Array.from(
        { length: Math.min(SIGN_BATCH, count - first + 1) },
        (_, i) => first + i,
      );
      parts.push(...(await Promise.all(batch.map((number) => this.signPart(record, number)))));
    }
    return { upload: { ...upload, parts } };
  }

  private async signPart(record: ScenarioUploadRecord, number: number): Promise<ScenarioPartUrl> {
    const { internal } = record;
    const signed = await presignStoragePut(this.ctx, {
      bucket: SCENARIO_BUCKET.name,
      region: SCENARIO_BUCKET.region,
      key: internal.key!,
      query: { partNumber: String(number), uploadId: internal.multipartUploadId! },
      ttlSeconds: this.ctx.scenario.partUrlTtlSeconds,
    });
    return { number, url: signed.url, expires: new Date(signed.expiresAtMs).toISOString() };
  }

  /** A new upload in the mode of the request: multipart ones get their S3 multipart upload. */
  private newRecord(projectId: string, input: ScenarioCreateInput): ScenarioUploadRecord {
    const nowIso = new Date(this.ctx.now()).toISOString();
    const base: NewUploadBase = {
      id: scenarioId('upload'),
      authorId: SANDBOX_IDENTITY.scenarioUserId,
      ownerId: projectId,
      createdAt: nowIso,
      updatedAt: nowIso,
    };
    switch (input.mode) {
      case 'multipart': {
        const b = input.body;
        if (b.fileSize > MAX_OBJECT_BYTES) {
          throw invalidArgument(`fileSize must be at most ${MAX_OBJECT_BYTES} bytes (5 TB)`);
        }
        const key = `${projectId}/${base.id}`;
        const multipart = this.ctx.objects.createMultipartUpload(
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
        return importing(base, 'url', input.body.url, input.body.kind);
      case 'huggingface': {
        const name = input.body.huggingFaceModelName;
        const fileName = name.split('/').at(-1) || name;
        return importing(base, 'huggingface', `https://huggingface.co/${name}`, 'model', fileName);
      }
      case 'civitai':
        return importing(base, 'civitai', input.body.civitaiModelUrl, 'model');
    }
  }
}
