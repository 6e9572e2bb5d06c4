import { Hono } from 'hono';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { jsonBodyLimit } from './body-limit.js';
import { cadenyaRoutes } from './cadenya/cadenya-routes.js';
import { CadenyaService } from './cadenya/cadenya-service.js';
import { assertStatusBody } from './cadenya/contract.js';
import { GrpcCode, httpStatusOfGrpcCode } from './cadenya/grpc-code.js';
import { CadenyaRpcError } from './errors/cadenya-rpc-error.js';
import { ScenarioApiError } from './errors/scenario-api-error.js';
import { StorageRefusal } from './errors/storage-refusal.js';
import { faultMiddleware } from './faults/fault-middleware.js';
import type { SandboxEnv } from './hono-env.js';
import { randomHex } from './ids/random-id.js';
import { inspectionRoutes } from './inspection/inspection-routes.js';
import { classifyPath } from './request-log/request-log.js';
import type { SandboxContext } from './sandbox-context.js';
import { assertErrorBody } from './scenario/contract.js';
import type { ScenarioLifecycle } from './scenario/scenario-lifecycle.js';
import { scenarioRoutes } from './scenario/scenario-routes.js';
import { bodyTooLarge, scenarioServerError } from './scenario/scenario-errors.js';
import { ScenarioService } from './scenario/scenario-service.js';
import type { BodyReader } from './storage/body-reader.js';
import { s3ErrorXml } from './storage/s3-error-xml.js';
import { storageRoutes } from './storage/storage-routes.js';
import { StorageService } from './storage/storage-service.js';

function scenarioError(c: Context<SandboxEnv>, error: ScenarioApiError) {
  const body = { ...error.body, status: error.status };
  assertErrorBody(body);
  return c.json(body, error.status as 400, error.headers);
}

function cadenyaError(c: Context<SandboxEnv>, error: CadenyaRpcError) {
  const body = { code: error.code, message: error.message, details: [] };
  assertStatusBody(body);
  const status = error.httpStatus ?? httpStatusOfGrpcCode(error.code);
  return c.json(body, status as 400, error.headers);
}

function storageError(c: Context<SandboxEnv>, error: StorageRefusal) {
  const requestId = randomHex(8);
  return c.body(
    s3ErrorXml(error.code, error.message, requestId, error.extra),
    error.status as 400,
    {
      'Content-Type': 'application/xml',
      'x-amz-request-id': requestId,
      ...error.headers,
    },
  );
}

/** The whole sandbox as one hono app: the two APIs, storage, and the inspection API. */
export function createApp(
  ctx: SandboxContext,
  lifecycle: ScenarioLifecycle,
  /** How storage reads PUT bodies: the standard Request's unless the server offers better. */
  readBody?: BodyReader,
): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();

  // Outermost, so it sees the final status, faults and errors included.
  app.use('*', async (c, next) => {
    const started = ctx.now();
    const startedAt = performance.now();
    const authorization = c.req.header('authorization') !== undefined;
    await next();
    const { routeClass, api } = classifyPath(c.req.path);
    if (routeClass === 'inspection') return;
    const fault = c.get('fault');
    const warnings = c.get('warnings');
    const status = fault === 'reset' ? 0 : c.res.status;
    // The one query value kept: a part number says which part, and signs nothing.
    const part = routeClass === 'storage' ? Number(c.req.query('partNumber')) : Number.NaN;
    ctx.requestLog.add({
      timestamp: new Date(started).toISOString(),
      method: c.req.method,
      path: c.req.path,
      status,
      authorization,
      routeClass,
      ...(api ? { api } : {}),
      ...(fault ? { fault } : {}),
      ...(warnings?.length ? { warnings } : {}),
      ...(Number.isSafeInteger(part) && part > 0 ? { partNumber: part } : {}),
      durationMs: Math.round(performance.now() - startedAt),
    });
    // The path only: a presigned URL's query string is a credential.
    if (ctx.logRequests) ctx.logger.info(`${c.req.method} ${c.req.path} → ${status || 'reset'}`);
  });

  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'OPTIONS'],
      // Browsers read these from storage PUTs (ETag) and from refusals (Retry-After).
      exposeHeaders: ['ETag', 'Retry-After', 'x-amz-request-id'],
      maxAge: 600,
    }),
  );

  app.use('*', faultMiddleware(ctx.faults, ctx.sleep));

  app.use(
    '/scenario/*',
    jsonBodyLimit(() => {
      throw bodyTooLarge();
    }),
  );
  app.use(
    '/cadenya/*',
    jsonBodyLimit(() => {
      throw new CadenyaRpcError(GrpcCode.INVALID_ARGUMENT, 'request body too large');
    }),
  );
  app.use(
    '/_sandbox/*',
    jsonBodyLimit((c) => c.json({ error: 'Request body too large' }, 413)),
  );

  app.route('/scenario/v1', scenarioRoutes(ctx, new ScenarioService(ctx, lifecycle)));
  app.route('/cadenya', cadenyaRoutes(ctx, new CadenyaService(ctx)));
  app.route('/storage', storageRoutes(new StorageService(ctx), readBody));
  app.route('/_sandbox', inspectionRoutes(ctx));

  app.notFound((c) =>
    c.json(
      { error: 'Not Found', routes: ['/scenario/v1', '/cadenya', '/storage', '/_sandbox'] },
      404,
    ),
  );

  app.onError((error, c) => {
    if (error instanceof ScenarioApiError) return scenarioError(c, error);
    if (error instanceof CadenyaRpcError) return cadenyaError(c, error);
    if (error instanceof StorageRefusal) return storageError(c, error);
    const detail = error instanceof Error ? error.message : String(error);
    ctx.logger.error(`${c.req.method} ${c.req.path} failed: ${detail}`);
    const { routeClass, api } = classifyPath(c.req.path);
    // The document's 500 carries no message: the detail is in the log line above.
    if (api === 'scenario') return scenarioError(c, scenarioServerError(500));
    if (api === 'cadenya') return cadenyaError(c, new CadenyaRpcError(GrpcCode.INTERNAL, detail));
    if (routeClass === 'storage') {
      return storageError(
        c,
        new StorageRefusal(
          500,
          'InternalError',
          'We encountered an internal error. Please try again.',
        ),
      );
    }
    return c.json({ error: detail }, 500);
  });

  return app;
}
