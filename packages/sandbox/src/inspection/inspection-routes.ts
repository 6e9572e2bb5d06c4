import { Hono } from 'hono';
import { SandboxConfigError } from '../errors/sandbox-config-error.js';
import { parseFaultSettings } from '../faults/fault-settings.js';
import type { SandboxEnv } from '../hono-env.js';
import type { SandboxContext } from '../sandbox-context.js';
import type { ObjectStore } from '../storage/object-store.js';
import type { StoredObject } from '../storage/storage-records.js';
import { VERSION } from '../version.js';

/**
 * An object as the inspection API shows it. The SHA-256 is computed from the stored bytes on the
 * first request for it, then kept; a discarded object (`discardObjects`) has none.
 */
const describe = async (objects: ObjectStore, object: StoredObject) => ({
  bucket: object.bucket,
  key: object.key,
  size: object.size,
  sha256: (await objects.sha256(object)) ?? null,
  etag: object.etag,
  contentType: object.contentType,
  createdAt: object.createdAt,
  ...(object.discarded ? { discarded: true } : {}),
});

/**
 * The sandbox's own API under `/_sandbox`, for tests and demos: stored objects and their SHA-256,
 * the request log, fault settings, memory use. Not part of either emulated API; no auth.
 */
export function inspectionRoutes(ctx: SandboxContext): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();

  // An index for humans; it names no credential.
  app.get('/', (c) =>
    c.json({
      name: '@upkit/sandbox',
      version: VERSION,
      scenarioBaseUrl: `${ctx.publicUrl()}/scenario/v1`,
      cadenyaBaseUrl: `${ctx.publicUrl()}/cadenya`,
      storageUrl: `${ctx.publicUrl()}/storage`,
      // Whether request bodies are held to the documents' exact wire format.
      strict: ctx.strict,
      // Whether object bytes are discarded (sizes and ETags only).
      discardObjects: ctx.objects.discardsBytes,
      endpoints: [
        'GET /_sandbox/objects',
        'GET /_sandbox/objects/<bucket>/<key>',
        'GET /_sandbox/requests',
        'DELETE /_sandbox/requests',
        'GET /_sandbox/faults',
        'POST /_sandbox/faults',
        'DELETE /_sandbox/faults',
        'GET /_sandbox/stats',
      ],
    }),
  );

  app.get('/objects', async (c) => {
    const objects = [];
    // One at a time: each first SHA-256 reads a whole object.
    for (const object of ctx.objects.listObjects())
      objects.push(await describe(ctx.objects, object));
    return c.json({ objects });
  });

  app.get('/objects/:bucket/:key{.+}', async (c) => {
    const object = ctx.objects.getObject(c.req.param('bucket'), c.req.param('key'));
    if (!object) return c.json({ error: 'No such object' }, 404);
    return c.json(await describe(ctx.objects, object));
  });

  app.get('/requests', (c) => c.json({ requests: ctx.requestLog.list() }));
  app.delete('/requests', (c) => {
    ctx.requestLog.clear();
    return c.body(null, 204);
  });

  app.get('/faults', (c) => c.json(ctx.faults.current()));
  app.post('/faults', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'The body must be JSON fault settings' }, 400);
    }
    try {
      ctx.faults.configure(parseFaultSettings(body));
    } catch (error) {
      if (error instanceof SandboxConfigError) return c.json({ error: error.message }, 400);
      throw error;
    }
    return c.json(ctx.faults.current());
  });
  app.delete('/faults', (c) => {
    ctx.faults.configure({});
    return c.body(null, 204);
  });

  app.get('/stats', (c) => {
    const memory = process.memoryUsage();
    const state = ctx.store.state;
    return c.json({
      pid: process.pid,
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      // resourceUsage reports KiB.
      maxRss: process.resourceUsage().maxRSS * 1024,
      uptimeSeconds: process.uptime(),
      counts: {
        scenarioUploads: Object.keys(state.scenario.uploads).length,
        cadenyaUploads: Object.keys(state.cadenya.uploads).length,
        memoryEntries: Object.keys(state.cadenya.memoryEntries).length,
        objects: Object.keys(state.storage.objects).length,
      },
      backgroundErrors: [...ctx.backgroundErrors],
    });
  });

  app.all('*', (c) => c.json({ error: 'Not Found' }, 404));
  return app;
}
