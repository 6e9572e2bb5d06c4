import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Validation } from '../contract-validation.js';
import type { SandboxEnv } from '../hono-env.js';
import { readJsonBody } from '../read-json-body.js';
import type { SandboxContext } from '../sandbox-context.js';
import {
  assertUploadResponse,
  parseCreateUploadBody,
  parseTriggerUploadActionBody,
} from './contract.js';
import { authorizedProject } from './scenario-auth.js';
import { invalidArgument, notFound } from './scenario-errors.js';
import type { ScenarioService, ScenarioUploadAnswer } from './scenario-service.js';

/** The three upload operations of `scenario.yaml`, under `/scenario/v1`. */
export function scenarioRoutes(ctx: SandboxContext, service: ScenarioService): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  const credentials = ctx.credentials.scenario;

  /** The project the call acts in, once its credentials are checked. */
  const authorize = (c: Context<SandboxEnv>) =>
    authorizedProject(c.req.header('authorization'), c.req.query('projectId'), credentials);

  /** The JSON body, checked against the operation's request schema. */
  const body = async <T>(c: Context<SandboxEnv>, parse: (json: unknown) => Validation<T>) => {
    const parsed = parse(
      await readJsonBody(c, () => invalidArgument('The body must be valid JSON')),
    );
    if (!parsed.ok) throw invalidArgument(parsed.message);
    return parsed.value;
  };

  const answer = (
    c: Context<SandboxEnv>,
    operation: 'createUpload' | 'getUpload' | 'triggerUploadAction',
    upload: ScenarioUploadAnswer,
  ) => {
    assertUploadResponse(operation, upload);
    return c.json(upload, 200);
  };

  app.post('/uploads', async (c) => {
    const projectId = authorize(c);
    const input = await body(c, parseCreateUploadBody);
    return answer(c, 'createUpload', await service.createUpload(projectId, input));
  });

  app.get('/uploads/:uploadId', async (c) => {
    const projectId = authorize(c);
    return answer(c, 'getUpload', await service.getUpload(projectId, c.req.param('uploadId')));
  });

  app.post('/uploads/:uploadId/action', async (c) => {
    const projectId = authorize(c);
    const upload = await service.triggerUploadAction(projectId, c.req.param('uploadId'), () =>
      body(c, parseTriggerUploadActionBody),
    );
    return answer(c, 'triggerUploadAction', upload);
  });

  app.all('*', () => {
    throw notFound('Not Found');
  });

  return app;
}
