import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { CadenyaRpcError } from '../errors/cadenya-rpc-error.js';
import { openTestContext } from '../testing/test-context.js';
import type { TestContext } from '../testing/test-context.js';
import { CadenyaService } from './cadenya-service.js';
import { GrpcCode } from './grpc-code.js';

let current: TestContext | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

const CONTENT = '# Refund policy\n';

async function open() {
  current = await openTestContext();
  const { ctx } = current;
  const workspaceId = ctx.credentials.cadenya.workspaceId;
  return { ...current, workspaceId, service: new CadenyaService(ctx) };
}

type Opened = Awaited<ReturnType<typeof open>>;

const createUpload = (t: Opened, sizeBytes = String(Buffer.byteLength(CONTENT))) =>
  t.service.createUpload(t.workspaceId, {
    metadata: { name: 'refund-policy.md' },
    spec: { filename: 'refund-policy.md', contentType: 'text/markdown', sizeBytes },
  });

/** Stores the upload's object as a storage PUT would. */
async function store(t: Opened, uploadId: string, content = CONTENT) {
  const record = t.ctx.store.state.cadenya.uploads[uploadId]!;
  const body = await t.ctx.objects.receive(Readable.from([Buffer.from(content)]));
  await t.ctx.objects.putObject(record.internal.bucket, record.internal.key, 'text/markdown', body);
}

const entry = (t: Opened, key: string, uploadId: string) =>
  t.service.createMemoryEntry(t.workspaceId, 'external_id:kb', {
    metadata: { name: key },
    spec: { key, type: 'uploadId', uploadId },
  } as Parameters<CadenyaService['createMemoryEntry']>[2]);

const rpcCode = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => (error instanceof CadenyaRpcError ? error.code : error),
  );

describe('CadenyaService', () => {
  it('moves an upload PENDING → COMPLETE → CONSUMED, and refuses a second consume', async () => {
    const t = await open();
    const created = await createUpload(t);
    expect(created.info.status).toBe('UPLOAD_STATUS_PENDING');
    expect(created.info.uploadUrl.startsWith('http://sandbox.test/storage/')).toBe(true);
    await store(t, created.metadata.id);
    expect(t.service.getUpload(t.workspaceId, created.metadata.id).info.status).toBe(
      'UPLOAD_STATUS_COMPLETE',
    );
    const made = await entry(t, 'policies/refund.md', created.metadata.id);
    expect(made.content).toBe(CONTENT);
    expect(made.info.memoryLayer.externalId).toBe('kb');
    expect(t.service.getUpload(t.workspaceId, created.metadata.id).info.status).toBe(
      'UPLOAD_STATUS_CONSUMED',
    );
    expect(await rpcCode(entry(t, 'policies/other.md', created.metadata.id))).toBe(
      GrpcCode.FAILED_PRECONDITION,
    );
  });

  it('expires a PENDING upload once its URL elapsed, on the next read', async () => {
    const t = await open();
    const created = await createUpload(t);
    t.clock.advance(t.ctx.cadenya.uploadUrlTtlSeconds * 1000 + 1);
    expect(t.service.getUpload(t.workspaceId, created.metadata.id).info.status).toBe(
      'UPLOAD_STATUS_EXPIRED',
    );
  });

  it('answers NOT_FOUND for an upload of another workspace', async () => {
    const t = await open();
    const created = await createUpload(t);
    expect(() => t.service.getUpload('ws_other', created.metadata.id)).toThrow(
      expect.objectContaining({ code: GrpcCode.NOT_FOUND }),
    );
  });

  it('refuses bad sizes and keys with INVALID_ARGUMENT', async () => {
    const t = await open();
    expect(await rpcCode(createUpload(t, '0'))).toBe(GrpcCode.INVALID_ARGUMENT);
    expect(await rpcCode(createUpload(t, String(5 * 1024 ** 3 + 1)))).toBe(
      GrpcCode.INVALID_ARGUMENT,
    );
    const created = await createUpload(t);
    expect(await rpcCode(entry(t, 'system/x', created.metadata.id))).toBe(
      GrpcCode.INVALID_ARGUMENT,
    );
  });
});
