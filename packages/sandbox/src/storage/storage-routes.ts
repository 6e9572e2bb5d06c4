import { Hono } from 'hono';
import { StorageRefusal } from '../errors/storage-refusal.js';
import type { SandboxEnv } from '../hono-env.js';
import { webBodyReader } from './body-reader.js';
import type { BodyReader } from './body-reader.js';
import type { StorageService } from './storage-service.js';

/**
 * Object storage under `/storage/<bucket>/<key>`: the HTTP side of {@link StorageService}, whose
 * refusals the app answers as S3 error documents.
 * @param readBody how the body is read; the server picks the fastest its adapter offers
 */
export function storageRoutes(
  service: StorageService,
  readBody: BodyReader = webBodyReader,
): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();

  app.put('/:bucket/:key{.+}', async (c) => {
    const { etag } = await service.put({
      url: new URL(c.req.url),
      // hono percent-decodes path parameters.
      bucket: c.req.param('bucket'),
      key: c.req.param('key'),
      header: (name) => c.req.header(name),
      body: () => readBody(c),
    });
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
