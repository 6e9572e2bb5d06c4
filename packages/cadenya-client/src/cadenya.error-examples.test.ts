import { createRequire } from 'node:module';
import { errorResponseExamples, startReplyServer, type ReplyServer } from '@upkit/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type APIError,
  AuthenticationError,
  BadRequestError,
  Cadenya,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from './index.js';

// Every error response example of the Cadenya document (a google.rpc.Status), served with the HTTP
// status its gRPC code maps to, and again under every code of the document's gRPC → HTTP mapping:
// the client must answer the right error class, with the message, the code's name and the details.

const DOCUMENT = createRequire(import.meta.url).resolve('@upkit/schemas/openapi/cadenya.yaml');

/** The mapping `cadenya.yaml` describes: gRPC code → [HTTP status, code name, error class]. */
const MAPPING: Record<number, [number, string, abstract new (...args: never[]) => APIError]> = {
  3: [400, 'INVALID_ARGUMENT', BadRequestError],
  5: [404, 'NOT_FOUND', NotFoundError],
  6: [409, 'ALREADY_EXISTS', ConflictError],
  7: [403, 'PERMISSION_DENIED', PermissionDeniedError],
  8: [429, 'RESOURCE_EXHAUSTED', RateLimitError],
  9: [400, 'FAILED_PRECONDITION', BadRequestError],
  13: [500, 'INTERNAL', InternalServerError],
  14: [503, 'UNAVAILABLE', InternalServerError],
  16: [401, 'UNAUTHENTICATED', AuthenticationError],
};

const calls: Record<string, (client: Cadenya) => Promise<unknown>> = {
  UploadService_CreateUpload: (client) =>
    client.uploads.create({
      metadata: { name: 'a.md' },
      spec: { filename: 'a.md', contentType: 'text/markdown', sizeBytes: '1' },
    }),
  UploadService_GetUpload: (client) => client.uploads.retrieve('upload_1'),
  MemoryService_CreateMemoryEntry: (client) =>
    client.memoryLayers.entries.create('external_id:kb', {
      metadata: { name: 'e' },
      spec: { type: 'content', content: 'c', key: 'k' },
    }),
};

const examples = errorResponseExamples(DOCUMENT);

describe('Cadenya error examples, parsed by the client', () => {
  let server: ReplyServer;
  let client: Cadenya;

  beforeAll(async () => {
    server = await startReplyServer();
    client = new Cadenya({
      baseURL: `${server.url}`,
      apiKey: 'k',
      workspaceId: 'workspace_1',
      maxRetries: 0,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('finds the example of every operation', () => {
    expect(new Set(examples.map((e) => e.operationId))).toEqual(new Set(Object.keys(calls)));
  });

  const cases = examples.flatMap((example) => {
    const documented = example.body['code'] as number;
    return [
      documented,
      ...Object.keys(MAPPING)
        .map(Number)
        .filter((c) => c !== documented),
    ].map(
      (code) =>
        [
          `${example.operationId} ${example.status} (${example.name}) as code ${code}${code === documented ? ', as documented' : ''}`,
          example.operationId,
          { ...example.body, code } as Record<string, unknown> & { code: number },
        ] as const,
    );
  });

  it.each(cases)('%s', async (_title, operationId, body) => {
    const [status, name, ErrorClass] = MAPPING[body.code]!;
    server.reply(status, body);
    const error = await calls[operationId]!(client).then(
      () => expect.unreachable('the call must fail'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ErrorClass);
    const apiError = error as APIError;
    expect(apiError.status).toBe(status);
    expect(apiError.grpcCode).toBe(body.code);
    expect(apiError.code).toBe(name);
    expect(apiError.serverMessage).toBe(body['message']);
    expect(apiError.message).toContain(`→ ${status}`);
    expect(apiError.message).toContain(`: ${body['message'] as string} (code: ${name})`);
    expect(apiError.details).toEqual(body['details']);
    // google.rpc.Status carries no request id; nor did the server send one.
    expect(apiError.requestId).toBeUndefined();
  });
});
