import type { Context } from 'hono';
import { Hono } from 'hono';
import { persistInBackground } from '../background-errors.js';
import { SANDBOX_IDENTITY } from '../credentials.js';
import { CadenyaRpcError } from '../errors/cadenya-rpc-error.js';
import type { SandboxEnv } from '../hono-env.js';
import { prefixedUlid } from '../ids/ulid.js';
import type { SandboxContext } from '../sandbox-context.js';
import { CADENYA_BUCKET } from '../storage/buckets.js';
import { presignStoragePut } from '../storage/presigner.js';
import { checkCadenyaAuth, checkWorkspace } from './cadenya-auth.js';
import type {
  CadenyaResourceMetadata,
  CadenyaUploadRecord,
  MemoryLayerRecord,
} from './cadenya-records.js';
import {
  assertCadenyaResponse,
  parseCreateMemoryEntryBody,
  parseCreateUploadBody,
} from './contract.js';
import { GrpcCode } from './grpc-code.js';

/** S3's limit for a single PUT: 5 GiB. */
const MAX_UPLOAD_BYTES = 5 * 1024 ** 3;

const invalid = (message: string) => new CadenyaRpcError(GrpcCode.INVALID_ARGUMENT, message);

async function readJson(c: Context<SandboxEnv>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw invalid('invalid request body: not valid JSON');
  }
}

/** `MemoryEntrySpec.key`: S3-safe characters, no leading, trailing or doubled `/`, no reserved prefix. */
function checkEntryKey(key: string): void {
  if (
    key === '' ||
    !/^[A-Za-z0-9!\-_.*'()/]+$/.test(key) ||
    key.startsWith('/') ||
    key.endsWith('/') ||
    key.includes('//')
  ) {
    throw invalid(
      `invalid spec.key "${key}": use S3 object-key safe characters, without leading, trailing or doubled "/"`,
    );
  }
  if (key.startsWith('cadenya/') || key.startsWith('system/')) {
    throw invalid(`invalid spec.key "${key}": the prefixes "cadenya/" and "system/" are reserved`);
  }
}

const LABEL_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

/** Labels as Cadenya's document describes them (values 0-63 characters, keys optionally prefixed). */
function checkLabels(labels: Record<string, string> | undefined): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    const slash = key.lastIndexOf('/');
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    const keyOk =
      LABEL_NAME.test(name) &&
      (prefix === undefined || (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix)));
    if (!keyOk) throw invalid(`invalid metadata.labels: bad key "${key}"`);
    if (value !== '' && !LABEL_NAME.test(value)) {
      throw invalid(`invalid metadata.labels: bad value for "${key}"`);
    }
  }
}

/** The two upload operations and the memory-entry create of `cadenya.yaml`, under `/cadenya`. */
export function cadenyaRoutes(ctx: SandboxContext): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  const state = () => ctx.store.state.cadenya;

  const profile = {
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

  const authorize = (c: Context<SandboxEnv>): string => {
    checkCadenyaAuth(c.req.header('authorization'), ctx.credentials.cadenya);
    const workspaceId = c.req.param('workspaceId') ?? '';
    checkWorkspace(workspaceId, ctx.credentials.cadenya);
    return workspaceId;
  };

  const metadata = (
    id: string,
    workspaceId: string,
    input: {
      name: string;
      externalId?: string | undefined;
      labels?: Record<string, string> | undefined;
    },
  ): CadenyaResourceMetadata => ({
    id,
    accountId: SANDBOX_IDENTITY.cadenyaAccountId,
    workspaceId,
    name: input.name,
    profileId: SANDBOX_IDENTITY.cadenyaProfileId,
    createdAt: new Date(ctx.now()).toISOString(),
    externalId: input.externalId ?? '',
    labels: input.labels ?? {},
  });

  /** PENDING becomes COMPLETE once storage holds the object, or EXPIRED once the URL elapsed. */
  const refresh = (record: CadenyaUploadRecord): void => {
    if (record.info.status !== 'UPLOAD_STATUS_PENDING') return;
    const now = ctx.now();
    if (ctx.objects.getObject(record.internal.bucket, record.internal.key)) {
      record.info.status = 'UPLOAD_STATUS_COMPLETE';
    } else if (now > record.internal.expiresAtMs) {
      record.info.status = 'UPLOAD_STATUS_EXPIRED';
    } else {
      return;
    }
    record.metadata.updatedAt = new Date(now).toISOString();
    persistInBackground(ctx, `saving ${record.metadata.id} after a read`);
  };

  const findUpload = (workspaceId: string, id: string): CadenyaUploadRecord => {
    const record = Object.hasOwn(state().uploads, id) ? state().uploads[id] : undefined;
    if (!record || record.metadata.workspaceId !== workspaceId) {
      throw new CadenyaRpcError(GrpcCode.NOT_FOUND, `upload ${id} not found`);
    }
    refresh(record);
    return record;
  };

  const present = (record: CadenyaUploadRecord) => ({
    metadata: { ...record.metadata },
    spec: { ...record.spec },
    info: { ...record.info, createdBy: profile },
  });

  app.post('/v1/workspaces/:workspaceId/uploads', async (c) => {
    const workspaceId = authorize(c);
    const parsed = parseCreateUploadBody(await readJson(c), ctx);
    ctx.requestWarnings.record(c, parsed.warnings);
    if (!parsed.ok) throw invalid(`invalid request: ${parsed.message}`);
    const { metadata: meta, spec } = parsed.value;
    if (meta.name === '') throw invalid('invalid metadata.name: value is required');
    checkLabels(meta.labels);
    if (spec.filename === '') throw invalid('invalid spec.filename: value is required');
    if (spec.contentType === '') throw invalid('invalid spec.contentType: value is required');
    if (
      !/^\d+$/.test(spec.sizeBytes) ||
      +spec.sizeBytes < 1 ||
      +spec.sizeBytes > MAX_UPLOAD_BYTES
    ) {
      throw invalid(
        `invalid spec.sizeBytes: must be a decimal integer from 1 to ${MAX_UPLOAD_BYTES}`,
      );
    }
    const id = prefixedUlid('upload', ctx.now());
    const key = `${workspaceId}/${id}`;
    const sizeBytes = String(Number(spec.sizeBytes));
    const signed = await presignStoragePut(ctx, {
      bucket: CADENYA_BUCKET.name,
      region: CADENYA_BUCKET.region,
      key,
      // Both are signed: the PUT must carry exactly this type and this length.
      headers: { 'content-type': spec.contentType, 'content-length': sizeBytes },
      ttlSeconds: ctx.cadenya.uploadUrlTtlSeconds,
    });
    const record: CadenyaUploadRecord = {
      metadata: metadata(id, workspaceId, meta),
      spec: { filename: spec.filename, contentType: spec.contentType, sizeBytes },
      info: {
        uploadUrl: signed.url,
        uploadUrlExpiresAt: new Date(signed.expiresAtMs).toISOString(),
        status: 'UPLOAD_STATUS_PENDING',
      },
      internal: { bucket: CADENYA_BUCKET.name, key, expiresAtMs: signed.expiresAtMs },
    };
    state().uploads[id] = record;
    await ctx.store.persist();
    const body = present(record);
    assertCadenyaResponse('UploadService_CreateUpload', body);
    return c.json(body, 200);
  });

  app.get('/v1/workspaces/:workspaceId/uploads/:id', (c) => {
    const workspaceId = authorize(c);
    const body = present(findUpload(workspaceId, c.req.param('id')));
    assertCadenyaResponse('UploadService_GetUpload', body);
    return c.json(body, 200);
  });

  const resolveLayer = (workspaceId: string, layerId: string): MemoryLayerRecord => {
    const layers = state().memoryLayers;
    const external = layerId.startsWith('external_id:')
      ? layerId.slice('external_id:'.length)
      : undefined;
    if (external === undefined && !/^memlyr_[0-9A-HJKMNP-TV-Z]{26}$/.test(layerId)) {
      throw invalid(`invalid memoryLayerId "${layerId}": use memlyr_… or external_id:<value>`);
    }
    const existing = Object.values(layers).find(
      (layer) =>
        layer.metadata.workspaceId === workspaceId &&
        (external !== undefined
          ? layer.metadata.externalId === external
          : layer.metadata.id === layerId),
    );
    if (existing) return existing;
    // The sandbox has no memory-layer API: a layer comes into being when first named.
    const id = external !== undefined ? prefixedUlid('memlyr', ctx.now()) : layerId;
    const layer: MemoryLayerRecord = {
      metadata: metadata(id, workspaceId, { name: external ?? id, externalId: external ?? '' }),
    };
    layers[id] = layer;
    return layer;
  };

  app.post('/v1/workspaces/:workspaceId/memory_layers/:memoryLayerId/entries', async (c) => {
    const workspaceId = authorize(c);
    const parsed = parseCreateMemoryEntryBody(await readJson(c), ctx);
    ctx.requestWarnings.record(c, parsed.warnings);
    if (!parsed.ok) throw invalid(`invalid request: ${parsed.message}`);
    const { metadata: meta, spec } = parsed.value;
    if (meta.name === '') throw invalid('invalid metadata.name: value is required');
    checkLabels(meta.labels);
    checkEntryKey(spec.key);
    const layer = resolveLayer(workspaceId, c.req.param('memoryLayerId'));
    const taken = Object.values(state().memoryEntries).some(
      (entry) => entry.layerId === layer.metadata.id && entry.spec.key === spec.key,
    );
    if (taken) {
      throw new CadenyaRpcError(
        GrpcCode.ALREADY_EXISTS,
        `memory entry with key "${spec.key}" already exists in layer ${layer.metadata.id}`,
      );
    }

    let content: string;
    let upload: CadenyaUploadRecord | undefined;
    if (spec.type === 'uploadId') {
      upload = findUpload(workspaceId, spec.uploadId);
      const status = upload.info.status;
      if (status !== 'UPLOAD_STATUS_COMPLETE') {
        const why =
          status === 'UPLOAD_STATUS_CONSUMED'
            ? 'has already been consumed'
            : status === 'UPLOAD_STATUS_EXPIRED'
              ? 'has expired'
              : 'is not complete';
        throw new CadenyaRpcError(GrpcCode.FAILED_PRECONDITION, `upload ${spec.uploadId} ${why}`);
      }
      const object = ctx.objects.getObject(upload.internal.bucket, upload.internal.key)!;
      if (object.size > ctx.cadenya.maxMemoryEntryBytes) {
        throw invalid(
          `upload ${spec.uploadId} is too large for a memory entry (${object.size} bytes)`,
        );
      }
      // Taken before the read, so two concurrent creates cannot both consume it.
      upload.info.status = 'UPLOAD_STATUS_CONSUMED';
      upload.metadata.updatedAt = new Date(ctx.now()).toISOString();
      try {
        content = (await ctx.objects.readAll(object)).toString('utf8');
      } catch (error) {
        upload.info.status = 'UPLOAD_STATUS_COMPLETE';
        throw error;
      }
    } else {
      content = spec.content;
    }

    const entryMetadata = metadata(prefixedUlid('mementry', ctx.now()), workspaceId, meta);
    state().memoryEntries[entryMetadata.id] = {
      metadata: entryMetadata,
      spec: { key: spec.key, description: spec.description ?? '' },
      layerId: layer.metadata.id,
      ...(upload ? { uploadId: upload.metadata.id } : {}),
      size: Buffer.byteLength(content),
    };
    await ctx.store.persist();
    const body = {
      metadata: entryMetadata,
      spec: { key: spec.key, description: spec.description ?? '' },
      content,
      info: { memoryLayer: layer.metadata, createdBy: profile },
    };
    assertCadenyaResponse('MemoryService_CreateMemoryEntry', body);
    return c.json(body, 200);
  });

  app.all('*', () => {
    throw new CadenyaRpcError(GrpcCode.NOT_FOUND, 'Not Found');
  });

  return app;
}
