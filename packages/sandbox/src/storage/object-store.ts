import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { randomHex } from '../ids/random-id.js';
import type { DataDir } from '../persistence/data-dir.js';
import type { StateStore } from '../persistence/state-store.js';
import { streamToFile } from './hashing-sink.js';
import type { ReceivedBody } from './hashing-sink.js';
import type { MultipartUploadRecord, StoredObject, StoredPart } from './storage-records.js';

/** The outcome of completing a multipart upload. */
export type CompleteResult =
  | { readonly ok: true; readonly object: StoredObject }
  | { readonly ok: false; readonly message: string };

/** What completing a multipart upload checks the parts against. */
export interface CompleteCheck {
  readonly partsCount: number;
  /** Every part but the last must be at least this large (S3: 5 MiB). */
  readonly minPartSize: number;
  /** The size the whole must have. */
  readonly totalSize: number;
}

const objectId = (bucket: string, key: string) => `${bucket}/${key}`;

/**
 * The file of an object under `objects/`: the SHA-256 hex of bucket and key, in one of 256
 * folders by its first byte. Never the key itself: S3 keys have up to 1024 bytes, file names 255.
 */
export function objectFileName(bucket: string, key: string): string {
  const hash = createHash('sha256').update(objectId(bucket, key)).digest('hex');
  return `${hash.slice(0, 2)}/${hash}`;
}

/** Moves a received body into place; on any failure the temporary file is deleted. */
async function moveIntoPlace(body: ReceivedBody, target: string): Promise<void> {
  try {
    await mkdir(dirname(target), { recursive: true });
    await rename(body.file, target);
  } catch (error) {
    await rm(body.file, { force: true });
    throw error;
  }
}

/**
 * The object storage: files under the data directory, records in the state file. Bodies are
 * streamed to a temporary file, hashed on the way, and renamed into place once complete, so a
 * reader never sees half an object.
 */
export class ObjectStore {
  /** Part writes under way (accepted, not yet recorded), by multipart upload id. */
  private readonly partWrites = new Map<string, Set<Promise<unknown>>>();

  constructor(
    private readonly dir: DataDir,
    private readonly store: StateStore,
    private readonly now: () => number,
  ) {}

  private get state() {
    return this.store.state.storage;
  }

  /** Streams a request body into a temporary file. The caller commits or discards it. */
  receive(body: Readable, options: { signal?: AbortSignal } = {}): Promise<ReceivedBody> {
    return this.toTemporaryFile([body], options);
  }

  private async toTemporaryFile(
    sources: readonly Readable[],
    options: { signal?: AbortSignal } = {},
  ): Promise<ReceivedBody> {
    const file = join(this.dir.tmp, randomHex(12));
    try {
      return await streamToFile(sources, file, options);
    } catch (error) {
      await rm(file, { force: true });
      throw error;
    }
  }

  /** Drops a received body that will not be stored. */
  async discard(body: ReceivedBody): Promise<void> {
    await rm(body.file, { force: true });
  }

  /** Stores a received body as an object (replacing any object under the same key, as S3 does). */
  async putObject(
    bucket: string,
    key: string,
    contentType: string,
    body: ReceivedBody,
    etag = `"${body.md5}"`,
  ): Promise<StoredObject> {
    const id = objectId(bucket, key);
    const file = objectFileName(bucket, key);
    await moveIntoPlace(body, join(this.dir.objects, file));
    const previous = this.state.objects[id];
    const object: StoredObject = {
      bucket,
      key,
      size: body.size,
      sha256: body.sha256,
      etag,
      contentType,
      createdAt: new Date(this.now()).toISOString(),
      file,
    };
    this.state.objects[id] = object;
    await this.store.persist();
    // Recorded by a version that named files after the key: that file is now garbage.
    if (previous && previous.file !== file) await rm(this.objectPath(previous), { force: true });
    return object;
  }

  getObject(bucket: string, key: string): StoredObject | undefined {
    return this.state.objects[objectId(bucket, key)];
  }

  listObjects(): StoredObject[] {
    return Object.values(this.state.objects).sort((a, b) =>
      objectId(a.bucket, a.key).localeCompare(objectId(b.bucket, b.key)),
    );
  }

  objectPath(object: StoredObject): string {
    return join(this.dir.objects, object.file);
  }

  /** The first `length` bytes of an object (fewer if it is shorter). */
  async readHead(object: StoredObject, length: number): Promise<Buffer> {
    const handle = await open(this.objectPath(object), 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  /** A whole object; only for small ones. */
  readAll(object: StoredObject): Promise<Buffer> {
    return readFile(this.objectPath(object));
  }

  /** Starts an S3 multipart upload; the caller persists the state. */
  createMultipartUpload(bucket: string, key: string, contentType: string): MultipartUploadRecord {
    const record: MultipartUploadRecord = {
      // S3 upload ids are long opaque strings; hex is enough here.
      uploadId: randomHex(24),
      bucket,
      key,
      contentType,
      createdAt: new Date(this.now()).toISOString(),
      state: 'active',
      parts: {},
    };
    this.state.multipartUploads[record.uploadId] = record;
    return record;
  }

  getMultipartUpload(uploadId: string): MultipartUploadRecord | undefined {
    return this.state.multipartUploads[uploadId];
  }

  /**
   * Stores a received part, replacing an earlier upload of the same part number (as S3 does).
   * Whether the part counts is decided here, at once: if the upload is still active, the part is
   * accepted and completing the upload waits until it is recorded; if it was completed meanwhile
   * (while the body streamed in), the body is dropped and the answer is undefined. So a part
   * acknowledged to the client is always in the assembled object.
   */
  putPart(
    upload: MultipartUploadRecord,
    partNumber: number,
    body: ReceivedBody,
  ): Promise<StoredPart | undefined> {
    if (upload.state !== 'active') return this.discard(body).then(() => undefined);
    const write = this.writePart(upload, partNumber, body);
    const writes = this.partWrites.get(upload.uploadId) ?? new Set<Promise<unknown>>();
    this.partWrites.set(upload.uploadId, writes);
    const tracked = write.then(
      () => {},
      () => {},
    );
    writes.add(tracked);
    void tracked.then(() => {
      writes.delete(tracked);
      if (writes.size === 0 && this.partWrites.get(upload.uploadId) === writes) {
        this.partWrites.delete(upload.uploadId);
      }
    });
    return write;
  }

  private async writePart(
    upload: MultipartUploadRecord,
    partNumber: number,
    body: ReceivedBody,
  ): Promise<StoredPart> {
    await moveIntoPlace(body, join(this.dir.parts, upload.uploadId, String(partNumber)));
    const part: StoredPart = {
      partNumber,
      size: body.size,
      sha256: body.sha256,
      md5: body.md5,
      createdAt: new Date(this.now()).toISOString(),
    };
    upload.parts[String(partNumber)] = part;
    await this.store.persist();
    return part;
  }

  /**
   * Checks the parts (all present, sizes, total) and assembles them into the object by streamed
   * concatenation. Whatever the result, the parts are deleted afterwards: the upload id is spent.
   * Call it again after a restart if it did not finish: the parts stay until the object is saved.
   * From the call on, no part is accepted; parts accepted before it are waited for.
   */
  async completeMultipartUpload(
    upload: MultipartUploadRecord,
    check: CompleteCheck,
  ): Promise<CompleteResult> {
    upload.state = 'completed';
    // A write that fails answers its PUT with an error: waiting for it to settle is enough.
    await Promise.all(this.partWrites.get(upload.uploadId) ?? []);
    const result = await this.assemble(upload, check);
    await rm(join(this.dir.parts, upload.uploadId), { recursive: true, force: true });
    upload.parts = {};
    await this.store.persist();
    return result;
  }

  /** Forgets objects whose file is gone (e.g. removed by hand from the data directory). */
  async dropMissingObjects(exists: (path: string) => Promise<boolean>): Promise<void> {
    for (const [id, object] of Object.entries(this.state.objects)) {
      if (!(await exists(this.objectPath(object)))) delete this.state.objects[id];
    }
  }

  private async assemble(
    upload: MultipartUploadRecord,
    check: CompleteCheck,
  ): Promise<CompleteResult> {
    const numbers = Array.from({ length: check.partsCount }, (_, i) => i + 1);
    const missing = numbers.filter((n) => !upload.parts[String(n)]);
    if (missing.length > 0) {
      return {
        ok: false,
        message: `Upload incomplete: part${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${check.partsCount} ${missing.length > 1 ? 'were' : 'was'} never uploaded.`,
      };
    }
    const parts = numbers.map((n) => upload.parts[String(n)]!);
    const small = parts.slice(0, -1).find((part) => part.size < check.minPartSize);
    if (small) {
      return {
        ok: false,
        message: `Your proposed upload is smaller than the minimum allowed size (EntityTooSmall): part ${small.partNumber} is ${small.size} bytes; every part but the last must be at least ${check.minPartSize} bytes.`,
      };
    }
    const total = parts.reduce((sum, part) => sum + part.size, 0);
    if (total !== check.totalSize) {
      return {
        ok: false,
        message: `The parts add up to ${total} bytes, but fileSize is ${check.totalSize}.`,
      };
    }
    const folder = join(this.dir.parts, upload.uploadId);
    const body = await this.toTemporaryFile(
      parts.map((part) => createReadStream(join(folder, String(part.partNumber)))),
    );
    // S3's multipart ETag: the MD5 of the concatenated binary part MD5s, then "-<part count>".
    const etagHash = createHash('md5');
    for (const part of parts) etagHash.update(Buffer.from(part.md5, 'hex'));
    const etag = `"${etagHash.digest('hex')}-${parts.length}"`;
    const object = await this.putObject(upload.bucket, upload.key, upload.contentType, body, etag);
    return { ok: true, object };
  }
}
