import type { Readable } from 'node:stream';
import { StorageRefusal } from '../errors/storage-refusal.js';
import { MAX_PUT_BYTES } from '../limits.js';
import { banner } from '../logger.js';
import type { SandboxContext } from '../sandbox-context.js';
import { BUCKET_NAMES } from './buckets.js';
import type { ReceivedBody } from './hashing-sink.js';
import { verifyPresignedRequest } from './sigv4.js';

/** S3's longest key, in bytes of UTF-8. */
const MAX_KEY_BYTES = 1024;

const noSuchUpload = (uploadId: string) =>
  new StorageRefusal(
    404,
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    { UploadId: uploadId },
  );

const incompleteBody = () =>
  new StorageRefusal(
    400,
    'IncompleteBody',
    'You did not provide the number of bytes specified by the Content-Length HTTP header.',
  );

/** A presigned PUT, as the storage route hands it over. */
export interface StoragePutRequest {
  /** The URL as requested: its query carries the signature. */
  readonly url: URL;
  /** Bucket and key, percent-decoded. */
  readonly bucket: string;
  readonly key: string;
  header(name: string): string | undefined;
  /** The body; opened only once the request has passed every check. */
  body(): Readable;
}

/**
 * The object storage's PUT: presigned PUTs of whole objects (Cadenya) and of multipart parts
 * (Scenario), checked and refused the way S3 checks and refuses them.
 */
export class StorageService {
  private readonly secrets: ReadonlyMap<string, string>;

  constructor(private readonly ctx: SandboxContext) {
    const { accessKeyId, secretAccessKey } = ctx.credentials.storage;
    this.secrets = new Map([[accessKeyId, secretAccessKey]]);
  }

  /**
   * Checks the request, streams the body in, and stores it as the object or the part.
   * @returns the ETag to answer with
   * @throws StorageRefusal for anything S3 would refuse
   */
  async put(request: StoragePutRequest): Promise<{ readonly etag: string }> {
    const { url, bucket, key } = request;
    this.refuseAuthorizationHeader(request);
    await verifyPresignedRequest({
      method: 'PUT',
      url,
      header: (name) => request.header(name),
      secrets: this.secrets,
      nowMs: this.ctx.now(),
    });
    if (!BUCKET_NAMES.includes(bucket)) {
      throw new StorageRefusal(404, 'NoSuchBucket', 'The specified bucket does not exist', {
        BucketName: bucket,
      });
    }
    if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) {
      throw new StorageRefusal(400, 'KeyTooLongError', 'Your key is too long');
    }
    const length = this.contentLength(request);
    const part = this.partOf(request);

    let body: ReceivedBody;
    try {
      body = await this.ctx.objects.receive(request.body());
    } catch {
      // The client went away mid-body: nobody will read an answer, and nothing is stored.
      throw incompleteBody();
    }
    if (body.size !== length) {
      await this.ctx.objects.drop(body);
      throw incompleteBody();
    }

    if (part) {
      // Undefined when the upload was completed while the body streamed in (the body is dropped);
      // once accepted, the part is in the assembled object: completing waits for it.
      const stored = await this.ctx.objects.putPart(part.upload, part.number, body);
      if (!stored) throw noSuchUpload(part.upload.uploadId);
      return { etag: `"${stored.md5}"` };
    }
    const contentType = request.header('content-type') ?? 'binary/octet-stream';
    const object = await this.ctx.objects.putObject(bucket, key, contentType, body);
    return { etag: object.etag };
  }

  /** A presigned URL carries its own credential: an Authorization header as well is a leak. */
  private refuseAuthorizationHeader(request: StoragePutRequest): void {
    if (request.header('authorization') === undefined) return;
    const { url } = request;
    // Never print the header: it is the credential that leaked.
    this.ctx.logger.warn(
      banner([
        'CREDENTIAL LEAK: a request to object storage carried an Authorization header.',
        `PUT ${url.pathname}`,
        'A client sent its API key to the storage host. Presigned URLs carry their own',
        'credential in the query; send the PUT without Authorization.',
      ]),
    );
    const queryAuth =
      url.searchParams.has('X-Amz-Algorithm') || url.searchParams.has('X-Amz-Signature');
    throw new StorageRefusal(
      400,
      'InvalidArgument',
      queryAuth
        ? 'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified'
        : 'Unsupported Authorization Type',
      { ArgumentName: 'Authorization' },
    );
  }

  private contentLength(request: StoragePutRequest): number {
    const header = request.header('content-length');
    if (header === undefined || !/^\d+$/.test(header)) {
      throw new StorageRefusal(
        411,
        'MissingContentLength',
        'You must provide the Content-Length HTTP header.',
      );
    }
    const length = Number(header);
    if (length > MAX_PUT_BYTES) {
      throw new StorageRefusal(
        400,
        'EntityTooLarge',
        'Your proposed upload exceeds the maximum allowed size',
        { ProposedSize: header, MaxSizeAllowed: String(MAX_PUT_BYTES) },
      );
    }
    return length;
  }

  /** The multipart upload and part number the URL names, if it names one (and it is active). */
  private partOf(request: StoragePutRequest) {
    const uploadId = request.url.searchParams.get('uploadId');
    const partNumber = request.url.searchParams.get('partNumber');
    if (uploadId === null && partNumber === null) return undefined;
    const upload = uploadId !== null ? this.ctx.objects.getMultipartUpload(uploadId) : undefined;
    if (
      !upload ||
      upload.state !== 'active' ||
      upload.bucket !== request.bucket ||
      upload.key !== request.key
    ) {
      throw noSuchUpload(uploadId ?? '');
    }
    if (
      partNumber === null ||
      !/^\d+$/.test(partNumber) ||
      +partNumber < 1 ||
      +partNumber > 10_000
    ) {
      throw new StorageRefusal(
        400,
        'InvalidArgument',
        'Part number must be an integer between 1 and 10000, inclusive',
        { ArgumentName: 'partNumber' },
      );
    }
    return { upload, number: Number(partNumber) };
  }
}
