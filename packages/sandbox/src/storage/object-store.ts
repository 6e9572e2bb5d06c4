import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { randomHex } from '../ids/random-id.js';
import type { DataDir } from '../persistence/data-dir.js';
import type { StateStore } from '../persistence/state-store.js';
import { sha256OfFiles } from './file-sha256.js';
import { HEAD_BYTES, receiveBody } from './hashing-sink.js';
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

export interface ObjectStoreOptions {
  /**
   * Check and count the bytes and keep their MD5 and first `HEAD_BYTES`, but write none
   * (`discardObjects`): for benchmarks, where the emulator must not set the figures.
   */
  readonly discard?: boolean;
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

/** S3's multipart ETag: the MD5 of the concatenated binary part MD5s, then "-<part count>". */
function multipartEtag(parts: readonly StoredPart[]): string {
  const hash = createHash('md5');
  for (const part of parts) hash.update(Buffer.from(part.md5, 'hex'));
  return `"${hash.digest('hex')}-${parts.length}"`;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

const pathExists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Moves a received file (or folder) into place; on any failure it is deleted. */
async function moveIntoPlace(source: string, target: string): Promise<void> {
  try {
    await mkdir(dirname(target), { recursive: true });
    await rename(source, target);
  } catch (error) {
    await rm(source, { recursive: true, force: true });
    throw error;
  }
}

/** The first `length` bytes of a file (fewer if it is shorter). */
async function readStart(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The object storage: files under the data directory, records in the state file. Bodies are
 * streamed to a temporary file, MD5-hashed on the way, and renamed into place once complete, so a
 * reader never sees half an object. The parts of a multipart upload become the object as they
 * are, a folder of files: completing copies and hashes nothing. The SHA-256 of an object is
 * computed when first asked for. With `discard`, no byte is written: records only.
 */
export class ObjectStore {
  /** Part writes under way (accepted, not yet recorded), by multipart upload id. */
  private readonly partWrites = new Map<string, Set<Promise<unknown>>>();
  /** SHA-256 computations under way: concurrent requests for one object share one. */
  private readonly hashing = new Map<StoredObject, Promise<string>>();

  constructor(
    private readonly dir: DataDir,
    private readonly store: StateStore,
    private readonly now: () => number,
    private readonly options: ObjectStoreOptions = {},
  ) {}

  /** True when no byte is written (`discardObjects`). */
  get discardsBytes(): boolean {
    return this.options.discard ?? false;
  }

  private get state() {
    return this.store.state.storage;
  }

  /** Streams a request body into a temporary file (none when discarding). The caller commits or drops it. */
  async receive(body: Readable, options: { signal?: AbortSignal } = {}): Promise<ReceivedBody> {
    if (this.options.discard) return receiveBody(body, undefined, options);
    const file = join(this.dir.tmp, randomHex(12));
    try {
      return await receiveBody(body, file, options);
    } catch (error) {
      await rm(file, { force: true });
      throw error;
    }
  }

  /** Drops a received body that will not be stored. */
  async drop(body: ReceivedBody): Promise<void> {
    if (body.file !== undefined) await rm(body.file, { force: true });
  }

  /** Stores a received body as an object (replacing any object under the same key, as S3 does). */
  async putObject(
    bucket: string,
    key: string,
    contentType: string,
    body: ReceivedBody,
    etag = `"${body.md5}"`,
  ): Promise<StoredObject> {
    const file = objectFileName(bucket, key);
    if (body.file !== undefined) await moveIntoPlace(body.file, join(this.dir.objects, file));
    const fields = { bucket, key, contentType, size: body.size, etag, file };
    return this.record(
      body.file === undefined
        ? { ...fields, discarded: true, head: body.head.toString('base64') }
        : fields,
    );
  }

  /** Records an object whose bytes are in place, then deletes the bytes of the one it replaces. */
  private async record(fields: Omit<StoredObject, 'createdAt'>): Promise<StoredObject> {
    const id = objectId(fields.bucket, fields.key);
    const previous = this.state.objects[id];
    const object: StoredObject = { ...fields, createdAt: new Date(this.now()).toISOString() };
    this.state.objects[id] = object;
    await this.store.persist();
    // Same name: the rename replaced it. Another name (an assembled object's folder, or a file
    // named after the key by an older version): it is garbage now.
    if (previous && !previous.discarded && (previous.file !== object.file || object.discarded)) {
      await rm(this.objectPath(previous), { recursive: true, force: true });
    }
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

  /** The object's file, or the folder of its parts for an assembled object. */
  objectPath(object: StoredObject): string {
    return join(this.dir.objects, object.file);
  }

  /** The files holding an object's bytes, in order. */
  private files(object: StoredObject): string[] {
    const path = this.objectPath(object);
    return object.parts ? object.parts.map((_, i) => join(path, String(i + 1))) : [path];
  }

  private noBytes(object: StoredObject): Error {
    return new Error(
      `${objectId(object.bucket, object.key)} was stored with discardObjects: its bytes were not kept`,
    );
  }

  /** The first `length` bytes of an object (fewer if it is shorter). */
  async readHead(object: StoredObject, length: number): Promise<Buffer> {
    if (object.discarded) {
      const head = Buffer.from(object.head ?? '', 'base64');
      if (length > head.length && object.size > head.length) throw this.noBytes(object);
      return head.subarray(0, length);
    }
    const chunks: Buffer[] = [];
    let read = 0;
    for (const file of this.files(object)) {
      if (read >= length) break;
      const chunk = await readStart(file, length - read);
      chunks.push(chunk);
      read += chunk.length;
    }
    return Buffer.concat(chunks);
  }

  /** A whole object; only for small ones. */
  async readAll(object: StoredObject): Promise<Buffer> {
    if (object.discarded) throw this.noBytes(object);
    return Buffer.concat(await Promise.all(this.files(object).map((file) => readFile(file))));
  }

  /**
   * The hex SHA-256 of an object, computed from its file(s) on the first call and kept in its
   * record; undefined for a discarded object.
   */
  sha256(object: StoredObject): Promise<string | undefined> {
    if (object.discarded) return Promise.resolve(undefined);
    if (object.sha256 !== undefined) return Promise.resolve(object.sha256);
    let running = this.hashing.get(object);
    if (!running) {
      running = sha256OfFiles(this.files(object))
        .then(async (sha256) => {
          object.sha256 = sha256;
          await this.store.persist();
          return sha256;
        })
        .finally(() => this.hashing.delete(object));
      this.hashing.set(object, running);
    }
    return running;
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
    if (upload.state !== 'active') return this.drop(body).then(() => undefined);
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
    if (body.file !== undefined) {
      await moveIntoPlace(body.file, join(this.dir.parts, upload.uploadId, String(partNumber)));
    }
    const part: StoredPart = {
      partNumber,
      size: body.size,
      md5: body.md5,
      createdAt: new Date(this.now()).toISOString(),
      ...(body.file === undefined ? { head: body.head.toString('base64') } : {}),
    };
    upload.parts[String(partNumber)] = part;
    await this.store.persist();
    return part;
  }

  /**
   * Checks the parts (all present, sizes, total) and makes them the object. Whatever the result,
   * the parts are gone afterwards: the upload id is spent. Call it again after a restart if it did
   * not finish. From the call on, no part is accepted; parts accepted before it are waited for.
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
      if (object.discarded) continue;
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
    const fields = {
      bucket: upload.bucket,
      key: upload.key,
      contentType: upload.contentType,
      size: total,
      etag: multipartEtag(parts),
    };
    if (parts.some((part) => part.head !== undefined)) {
      // A part's head is all of it when shorter than HEAD_BYTES: joined, they start the object.
      const head = Buffer.concat(parts.map((part) => Buffer.from(part.head ?? '', 'base64')));
      const object = await this.record({
        ...fields,
        file: objectFileName(upload.bucket, upload.key),
        discarded: true,
        head: head.subarray(0, HEAD_BYTES).toString('base64'),
      });
      return { ok: true, object };
    }
    const file = `${objectFileName(upload.bucket, upload.key)}.${upload.uploadId}`;
    await this.movePartsIntoPlace(upload.uploadId, check.partsCount, join(this.dir.objects, file));
    const object = await this.record({ ...fields, file, parts: parts.map((part) => part.size) });
    return { ok: true, object };
  }

  /** Renames the upload's folder of parts to `target`, less any part beyond the count. */
  private async movePartsIntoPlace(uploadId: string, count: number, target: string) {
    const folder = join(this.dir.parts, uploadId);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch (error) {
      // Moved already by a complete that a restart cut short before it was recorded.
      if (isMissing(error) && (await pathExists(target))) return;
      throw error;
    }
    const stray = names.filter((name) => !(Number(name) >= 1 && Number(name) <= count));
    await Promise.all(stray.map((name) => rm(join(folder, name), { force: true })));
    await mkdir(dirname(target), { recursive: true });
    await rename(folder, target);
  }
}
