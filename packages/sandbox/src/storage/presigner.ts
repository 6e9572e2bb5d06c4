import type { SandboxContext } from '../sandbox-context.js';
import { storagePath } from './buckets.js';
import { presignPut } from './sigv4.js';
import type { PresignedUrl } from './sigv4.js';

export interface PresignRequest {
  readonly bucket: string;
  readonly region: string;
  readonly key: string;
  /** Query parameters of the URL itself (e.g. `partNumber`, `uploadId`). */
  readonly query?: Readonly<Record<string, string>>;
  /** Headers the PUT must carry exactly (lower-case names). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The API's own lifetime; `faults.urlTtlSeconds` overrides it. */
  readonly ttlSeconds: number;
}

/** Presigns a PUT to the sandbox's storage with the sandbox's storage key. */
export function presignStoragePut(
  ctx: SandboxContext,
  request: PresignRequest,
): Promise<PresignedUrl> {
  const url = new URL(storagePath(request.bucket, request.key), ctx.publicUrl());
  for (const [name, value] of Object.entries(request.query ?? {}))
    url.searchParams.set(name, value);
  return presignPut({
    url: url.toString(),
    accessKeyId: ctx.credentials.storage.accessKeyId,
    secretAccessKey: ctx.credentials.storage.secretAccessKey,
    region: request.region,
    nowMs: ctx.now(),
    expiresSeconds: ctx.faults.urlTtlSeconds() ?? request.ttlSeconds,
    headers: request.headers,
  });
}
