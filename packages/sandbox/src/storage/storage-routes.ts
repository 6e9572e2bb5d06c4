import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Hono } from 'hono';
import { StorageRefusal } from '../errors/storage-refusal.js';
import type { SandboxEnv } from '../hono-env.js';
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

/**
 * Object storage under `/storage/<bucket>/<key>`: presigned PUTs of whole objects (Cadenya) and of
 * multipart parts (Scenario), checked and refused the way S3 checks and refuses them.
 */
export function storageRoutes(ctx: SandboxContext): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  const secrets = new Map([
    [ctx.credentials.storage.accessKeyId, ctx.credentials.storage.secretAccessKey],
  ]);

  app.put('/:bucket/:key{.+}', async (c) => {
    const url = new URL(c.req.url);
    const bucket = c.req.param('bucket');
    // hono percent-decodes path parameters.
    const key = c.req.param('key');

    if (c.req.header('authorization') !== undefined) {
      // Never print the header: it is the credential that leaked.
      ctx.logger.warn(
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

    await verifyPresignedRequest({
      method: 'PUT',
      url,
      header: (name) => c.req.header(name),
      secrets,
      nowMs: ctx.now(),
    });

    if (!BUCKET_NAMES.includes(bucket)) {
      throw new StorageRefusal(404, 'NoSuchBucket', 'The specified bucket does not exist', {
        BucketName: bucket,
      });
    }
    if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) {
      throw new StorageRefusal(400, 'KeyTooLongError', 'Your key is too long');
    }
    const lengthHeader = c.req.header('content-length');
    if (lengthHeader === undefined || !/^\d+$/.test(lengthHeader)) {
      throw new StorageRefusal(
        411,
        'MissingContentLength',
        'You must provide the Content-Length HTTP header.',
      );
    }
    const length = Number(lengthHeader);
    if (length > MAX_PUT_BYTES) {
      throw new StorageRefusal(
        400,
        'EntityTooLarge',
        'Your proposed upload exceeds the maximum allowed size',
        {
          ProposedSize: lengthHeader,
          MaxSizeAllowed: String(MAX_PUT_BYTES),
        },
      );
    }

    const multipartId = url.searchParams.get('uploadId');
    const partNumberText = url.searchParams.get('partNumber');
    const multipart =
      multipartId !== null ? ctx.objects.getMultipartUpload(multipartId) : undefined;
    if (multipartId !== null || partNumberText !== null) {
      if (
        !multipart ||
        multipart.state !== 'active' ||
        multipart.bucket !== bucket ||
        multipart.key !== key
      ) {
        throw noSuchUpload(multipartId ?? '');
      }
      if (
        partNumberText === null ||
        !/^\d+$/.test(partNumberText) ||
        +partNumberText < 1 ||
        +partNumberText > 10_000
      ) {
        throw new StorageRefusal(
          400,
          'InvalidArgument',
          'Part number must be an integer between 1 and 10000, inclusive',
          {
            ArgumentName: 'partNumber',
          },
        );
      }
    }

    // The Web body, not node's request: the routes run under any hono adapter and `app.request()`.
    const stream = c.req.raw.body;
    const source = stream ? Readable.fromWeb(stream as WebReadableStream) : Readable.from([]);
    let body: ReceivedBody;
    try {
      body = await ctx.objects.receive(source);
    } catch {
      // The client went away mid-body: nobody will read an answer, and nothing is stored.
      throw new StorageRefusal(
        400,
        'IncompleteBody',
        'You did not provide the number of bytes specified by the Content-Length HTTP header.',
      );
    }
    if (body.size !== length) {
      await ctx.objects.discard(body);
      throw new StorageRefusal(
        400,
        'IncompleteBody',
        'You did not provide the number of bytes specified by the Content-Length HTTP header.',
      );
    }

    let etag: string;
    if (multipart) {
      // Undefined when the upload was completed while the body streamed in (the body is dropped);
      // once accepted, the part is in the assembled object: completing waits for it.
      const part = await ctx.objects.putPart(multipart, Number(partNumberText), body);
      if (!part) throw noSuchUpload(multipart.uploadId);
      etag = `"${part.md5}"`;
    } else {
      const contentType = c.req.header('content-type') ?? 'binary/octet-stream';
      const object = await ctx.objects.putObject(bucket, key, contentType, body);
      etag = object.etag;
    }
    return c.body(null, 200, { ETag: etag });
  });

  app.all('*', () => {
    throw new StorageRefusal(
      405,
      'MethodNotAllowed',
      'The specified method is not allowed against this resource.',
    );
  });

  return app;
}
