import { persistInBackground } from '../background-errors.js';
import { SANDBOX_IDENTITY } from '../credentials.js';
import { CadenyaRpcError } from '../errors/cadenya-rpc-error.js';
import { prefixedUlid } from '../ids/ulid.js';
import type { SandboxContext } from '../sandbox-context.js';
import { CADENYA_BUCKET } from '../storage/buckets.js';
import { presignStoragePut } from '../storage/presigner.js';
import {
  checkEntryKey,
  checkMetadata,
  checkUploadSpec,
  invalidArgument,
} from './cadenya-input-rules.js';
import type {
  CadenyaResourceMetadata,
  CadenyaUploadRecord,
  MemoryLayerRecord,
} from './cadenya-records.js';
import type { CadenyaCreateMemoryEntryInput, CadenyaCreateUploadInput } from './contract.js';
import { GrpcCode } from './grpc-code.js';

/** The profile every upload and entry is created by: the sandbox's one API key. */
const PROFILE = {
  metadata: {
    id: SANDBOX_IDENTITY.cadenyaProfileId,
    accountId: SANDBOX_IDENTITY.cadenyaAccountId,
    name: SANDBOX_IDENTITY.cadenyaProfileName,
    profileId: SANDBOX_IDENTITY.cadenyaProfileId,
    createdAt: '2025-01-01T00:00:00.000Z',
    externalId: '',
    labels: {},
  },
  spec: { type: 'PROFILE_TYPE_API_KEY', email: '', name: SANDBOX_IDENTITY.cadenyaProfileName },
};

interface MetadataInput {
  readonly name: string;
  readonly externalId?: string | undefined;
  readonly labels?: Record<string, string> | undefined;
}

/**
 * The Cadenya uploads and memory entries, without HTTP: creates, reads (moving a PENDING upload
 * on when storage holds its object or its URL elapsed) and consumes. Answers in the wire form;
 * failures are {@link CadenyaRpcError}s.
 */
export class CadenyaService {
  constructor(private readonly ctx: SandboxContext) {}

  private get state() {
    return this.ctx.store.state.cadenya;
  }

  /** `UploadService_CreateUpload`: signs a PUT of exactly the declared type and length. */
  async createUpload(workspaceId: string, input: CadenyaCreateUploadInput) {
    const { metadata: meta, spec } = input;
    checkMetadata(meta);
    const sizeBytes = checkUploadSpec(spec);
    const id = prefixedUlid('upload', this.ctx.now());
    const key = `${workspaceId}/${id}`;
    const signed = await presignStoragePut(this.ctx, {
      bucket: CADENYA_BUCKET.name,
      region: CADENYA_BUCKET.region,
      key,
      // Both are signed: the PUT must carry exactly this type and this length.
      headers: { 'content-type': spec.contentType, 'content-length': sizeBytes },
      ttlSeconds: this.ctx.cadenya.uploadUrlTtlSeconds,
    });
    const record: CadenyaUploadRecord = {
      metadata: this.metadata(id, workspaceId, meta),
      spec: { filename: spec.filename, contentType: spec.contentType, sizeBytes },
      info: {
        uploadUrl: signed.url,
        uploadUrlExpiresAt: new Date(signed.expiresAtMs).toISOString(),
        status: 'UPLOAD_STATUS_PENDING',
      },
      internal: { bucket: CADENYA_BUCKET.name, key, expiresAtMs: signed.expiresAtMs },
    };
    this.state.uploads[id] = record;
    await this.ctx.store.persist();
    return this.present(record);
  }

  /** `UploadService_GetUpload`. */
  getUpload(workspaceId: string, id: string) {
    return this.present(this.find(workspaceId, id));
  }

  /** `MemoryService_CreateMemoryEntry`: inline content, or the content of a COMPLETE upload. */
  async createMemoryEntry(
    workspaceId: string,
    memoryLayerId: string,
    input: CadenyaCreateMemoryEntryInput,
  ) {
    const { metadata: meta, spec } = input;
    checkMetadata(meta);
    checkEntryKey(spec.key);
    const layer = this.resolveLayer(workspaceId, memoryLayerId);
    const taken = Object.values(this.state.memoryEntries).some(
      (entry) => entry.layerId === layer.metadata.id && entry.spec.key === spec.key,
    );
    if (taken) {
      throw new CadenyaRpcError(
        GrpcCode.ALREADY_EXISTS,
        `memory entry with key "${spec.key}" already exists in layer ${layer.metadata.id}`,
      );
    }
    const upload = spec.type === 'uploadId' ? this.find(workspaceId, spec.uploadId) : undefined;
    const content = upload
      ? await this.consume(upload)
      : spec.type === 'content'
        ? spec.content
        : '';

    const entryMetadata = this.metadata(
      prefixedUlid('mementry', this.ctx.now()),
      workspaceId,
      meta,
    );
    const entrySpec = { key: spec.key, description: spec.description ?? '' };
    this.state.memoryEntries[entryMetadata.id] = {
      metadata: entryMetadata,
      spec: entrySpec,
      layerId: layer.metadata.id,
      ...(upload ? { uploadId: upload.metadata.id } : {}),
      size: Buffer.byteLength(content),
    };
    await this.ctx.store.persist();
    return {
      metadata: entryMetadata,
      spec: entrySpec,
      content,
      info: { memoryLayer: layer.metadata, createdBy: PROFILE },
    };
  }

  /** The upload of a workspace, refreshed. @throws CadenyaRpcError NOT_FOUND */
  private find(workspaceId: string, id: string): CadenyaUploadRecord {
    const uploads = this.state.uploads;
    const record = Object.hasOwn(uploads, id) ? uploads[id] : undefined;
    if (!record || record.metadata.workspaceId !== workspaceId) {
      throw new CadenyaRpcError(GrpcCode.NOT_FOUND, `upload ${id} not found`);
    }
    this.refresh(record);
    return record;
  }

  /** PENDING becomes COMPLETE once storage holds the object, or EXPIRED once the URL elapsed. */
  private refresh(record: CadenyaUploadRecord): void {
    if (record.info.status !== 'UPLOAD_STATUS_PENDING') return;
    const now = this.ctx.now();
    if (this.ctx.objects.getObject(record.internal.bucket, record.internal.key)) {
      record.info.status = 'UPLOAD_STATUS_COMPLETE';
    } else if (now > record.internal.expiresAtMs) {
      record.info.status = 'UPLOAD_STATUS_EXPIRED';
    } else {
      return;
    }
    record.metadata.updatedAt = new Date(now).toISOString();
    persistInBackground(this.ctx, `saving ${record.metadata.id} after a read`);
  }

  /** The wire form of an upload. */
  private present(record: CadenyaUploadRecord) {
    return {
      metadata: { ...record.metadata },
      spec: { ...record.spec },
      info: { ...record.info, createdBy: PROFILE },
    };
  }

  /** Marks a COMPLETE upload CONSUMED and reads its content. */
  private async consume(upload: CadenyaUploadRecord): Promise<string> {
    const id = upload.metadata.id;
    const status = upload.info.status;
    if (status !== 'UPLOAD_STATUS_COMPLETE') {
      const why =
        status === 'UPLOAD_STATUS_CONSUMED'
          ? 'has already been consumed'
          : status === 'UPLOAD_STATUS_EXPIRED'
            ? 'has expired'
            : 'is not complete';
      throw new CadenyaRpcError(GrpcCode.FAILED_PRECONDITION, `upload ${id} ${why}`);
    }
    const object = this.ctx.objects.getObject(upload.internal.bucket, upload.internal.key)!;
    if (object.size > this.ctx.cadenya.maxMemoryEntryBytes) {
      throw invalidArgument(`upload ${id} is too large for a memory entry (${object.size} bytes)`);
    }
    // Taken before the read, so two concurrent creates cannot both consume it.
    upload.info.status = 'UPLOAD_STATUS_CONSUMED';
    upload.metadata.updatedAt = new Date(this.ctx.now()).toISOString();
    try {
      return (await this.ctx.objects.readAll(object)).toString('utf8');
    } catch (error) {
      upload.info.status = 'UPLOAD_STATUS_COMPLETE';
      throw error;
    }
  }

  /** A layer by id or `external_id:<value>`; the sandbox has no layer API, so first use creates it. */
  private resolveLayer(workspaceId: string, layerId: string): MemoryLayerRecord {
    const layers = this.state.memoryLayers;
    const external = layerId.startsWith('external_id:')
      ? layerId.slice('external_id:'.length)
      : undefined;
    if (external === undefined && !/^memlyr_[0-9A-HJKMNP-TV-Z]{26}$/.test(layerId)) {
      throw invalidArgument(
        `invalid memoryLayerId "${layerId}": use memlyr_… or external_id:<value>`,
      );
    }
    const existing = Object.values(layers).find(
      (layer) =>
        layer.metadata.workspaceId === workspaceId &&
        (external !== undefined
          ? layer.metadata.externalId === external
          : layer.metadata.id === layerId),
    );
    if (existing) return existing;
    const id = external !== undefined ? prefixedUlid('memlyr', this.ctx.now()) : layerId;
    const layer: MemoryLayerRecord = {
      metadata: this.metadata(id, workspaceId, {
        name: external ?? id,
        externalId: external ?? '',
      }),
    };
    layers[id] = layer;
    return layer;
  }

  private metadata(id: string, workspaceId: string, input: MetadataInput): CadenyaResourceMetadata {
    return {
      id,
      accountId: SANDBOX_IDENTITY.cadenyaAccountId,
      workspaceId,
      name: input.name,
      profileId: SANDBOX_IDENTITY.cadenyaProfileId,
      createdAt: new Date(this.ctx.now()).toISOString(),
      externalId: input.externalId ?? '',
      labels: input.labels ?? {},
    };
  }
}
