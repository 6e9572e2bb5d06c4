import type { Context } from 'hono';
import { Hono } from 'hono';
import { CadenyaRpcError } from '../errors/cadenya-rpc-error.js';
import type { SandboxEnv } from '../hono-env.js';
import { readJsonBody } from '../read-json-body.js';
import type { SandboxContext } from '../sandbox-context.js';
import { checkCadenyaAuth, checkWorkspace } from './cadenya-auth.js';
import { invalidArgument } from './cadenya-input-rules.js';
import type { CadenyaService } from './cadenya-service.js';
import type { Received } from './contract.js';
import {
  assertCadenyaResponse,
  parseCreateMemoryEntryBody,
  parseCreateUploadBody,
} from './contract.js';
import { GrpcCode } from './grpc-code.js';

/** The two upload operations and the memory-entry create of `cadenya.yaml`, under `/cadenya`. */
export function cadenyaRoutes(ctx: SandboxContext, service: CadenyaService): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();

  const authorize = (c: Context<SandboxEnv>): string => {
    checkCadenyaAuth(c.req.header('authorization'), ctx.credentials.cadenya);
    const workspaceId = c.req.param('workspaceId') ?? '';
    checkWorkspace(workspaceId, ctx.credentials.cadenya);
    return workspaceId;
  };

  /** The JSON body, read as the gateway reads it; its leniencies are recorded on the request. */
  const body = async <T>(
    c: Context<SandboxEnv>,
    parse: (json: unknown, options: SandboxContext) => Received<T>,
  ): Promise<T> => {
    const json = await readJsonBody(c, () =>
      invalidArgument('invalid request body: not valid JSON'),
    );
    const parsed = parse(json, ctx);
    ctx.requestWarnings.record(c, parsed.warnings);
    if (!parsed.ok) throw invalidArgument(`invalid request: ${parsed.message}`);
    return parsed.value;
  };

  app.post('/v1/workspaces/:workspaceId/uploads', async (c) => {
    const workspaceId = authorize(c);
    const answer = await service.createUpload(workspaceId, await body(c, parseCreateUploadBody));
    assertCadenyaResponse('UploadService_CreateUpload', answer);
    return c.json(answer, 200);
  });

  app.get('/v1/workspaces/:workspaceId/uploads/:id', (c) => {
    const answer = service.getUpload(authorize(c), c.req.param('id'));
    assertCadenyaResponse('UploadService_GetUpload', answer);
    return c.json(answer, 200);
  });

  app.post('/v1/workspaces/:workspaceId/memory_layers/:memoryLayerId/entries', async (c) => {
    const workspaceId = authorize(c);
    const input = await body(c, parseCreateMemoryEntryBody);
    const answer = await service.createMemoryEntry(
      workspaceId,
      c.req.param('memoryLayerId'),
      input,
    );
    assertCadenyaResponse('MemoryService_CreateMemoryEntry', answer);
    return c.json(answer, 200);
  });

  app.all('*', () => {
    throw new CadenyaRpcError(GrpcCode.NOT_FOUND, 'Not Found');
  });

  return app;
}
