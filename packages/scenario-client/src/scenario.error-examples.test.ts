import { createRequire } from 'node:module';
import { errorResponseExamples, startReplyServer, type ReplyServer } from '@upkit/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  Scenario,
} from './index.js';

// Every error response example of the Scenario document, served as is with its status: the client
// (core-http's error parsing) must turn each into the right error class, with the server's message,
// code and request id. The bodies differ by status (`traceId` / `trace_id`, `error` / `reason`).

const DOCUMENT = createRequire(import.meta.url).resolve('@upkit/schemas/openapi/scenario.yaml');

const CLASS_BY_STATUS: Record<number, abstract new (...args: never[]) => APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
  500: InternalServerError,
  503: InternalServerError,
};

const calls: Record<string, (client: Scenario) => Promise<unknown>> = {
  createUpload: (client) =>
    client.uploads.create({ url: 'https://example.org/a.png', kind: 'image' }),
  getUpload: (client) => client.uploads.retrieve('upload_1'),
  triggerUploadAction: (client) => client.uploads.complete('upload_1'),
};

const examples = errorResponseExamples(DOCUMENT);

describe('Scenario error examples, parsed by the client', () => {
  let server: ReplyServer;
  let client: Scenario;

  beforeAll(async () => {
    server = await startReplyServer();
    const baseURL = `${server.url}/v1`;
    client = new Scenario({ baseURL, apiKey: 'k', apiSecret: 's', maxRetries: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('finds an example for every error status of every operation', () => {
    expect(new Set(examples.map((e) => e.operationId))).toEqual(new Set(Object.keys(calls)));
    const statuses = new Set(examples.map((e) => e.status));
    expect(statuses).toEqual(new Set(['400', '401', '403', '404', '409', '429', '500', 'default']));
  });

  it.each(examples.map((e) => [`${e.operationId} ${e.status} (${e.name})`, e] as const))(
    '%s',
    async (_title, { operationId, status, body }) => {
      // `default` is served with the status its example names (503).
      const served = status === 'default' ? (body['status'] as number) : Number(status);
      expect(body['status']).toBe(served);
      server.reply(served, body);

      const error = await calls[operationId]!(client).then(
        () => expect.unreachable('the call must fail'),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CLASS_BY_STATUS[served]);
      const apiError = error as APIError;
      expect(apiError.status).toBe(served);

      const message = (body['message'] ?? body['error']) as string;
      expect(apiError.serverMessage).toBe(message);
      expect(apiError.message).toContain(`→ ${served}`);
      expect(apiError.message).toContain(`: ${message}`);

      const requestId = (body['traceId'] ?? body['trace_id']) as string | undefined;
      expect(apiError.requestId).toBe(requestId);
      if (requestId) expect(apiError.message).toContain(`request id: ${requestId}`);

      const code = (body['code'] ?? body['reason']) as string | undefined;
      expect(apiError.code).toBe(code);
      expect(apiError.grpcCode).toBeUndefined();

      if (served === 429) {
        expect((apiError as RateLimitError).retryAfterMs).toBe(
          (body['remainingSeconds'] as number) * 1000,
        );
      }
    },
  );
});
