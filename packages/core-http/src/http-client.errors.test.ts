import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { APIError } from './errors/api-error.js';
import { AuthenticationError } from './errors/authentication-error.js';
import { BadRequestError } from './errors/bad-request-error.js';
import { ConflictError } from './errors/conflict-error.js';
import { InternalServerError } from './errors/internal-server-error.js';
import { NotFoundError } from './errors/not-found-error.js';
import { PermissionDeniedError } from './errors/permission-denied-error.js';
import { RateLimitError } from './errors/rate-limit-error.js';
import { UnprocessableEntityError } from './errors/unprocessable-entity-error.js';
import { createHttpClient } from './http-client.js';
import { send } from './send.js';
import { sendJson, startServer, type LoopbackServer } from './testing/loopback-server.js';
import { getUpload } from './testing/operations.js';

let server: LoopbackServer | undefined;
let reply: (res: ServerResponse) => void;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The error a GET gets from a server answering with `respond`. */
async function failWith(respond: (res: ServerResponse) => void): Promise<APIError> {
  reply = respond;
  server ??= await startServer((_req, res) => reply(res));
  const client = createHttpClient({ baseURL: server.url, maxRetries: 0 });
  const error = await client.request(getUpload, { path: { uploadId: 'upload_1' } }).catch((e) => e);
  expect(error).toBeInstanceOf(APIError);
  return error as APIError;
}

describe('error responses', () => {
  it("maps Cadenya's google.rpc.Status to a typed error with the gRPC code name", async () => {
    server = await startServer((_req, res) =>
      sendJson(
        res,
        404,
        { code: 5, message: 'Upload not found', details: [] },
        { 'x-request-id': 'abc' },
      ),
    );
    const client = createHttpClient({ baseURL: server.url });
    const error = await client
      .request(getUpload, { path: { uploadId: 'upload_1' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      grpcCode: 5,
      requestId: 'abc',
      details: [],
      method: 'GET',
      serverMessage: 'Upload not found',
      body: { code: 5, message: 'Upload not found', details: [] },
    });
    expect((error as Error).message).toBe(
      `GET ${server!.url}/v1/uploads/upload_1 → 404 Not Found: Upload not found (code: NOT_FOUND, request id: abc)`,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("maps Scenario's loose bodies, with the trace id as request id", async () => {
    const error = await failWith((res) =>
      sendJson(res, 404, { message: 'Upload not found', trace_id: 'trace-1' }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe(
      `GET ${server!.url}/v1/uploads/upload_1 → 404 Not Found: Upload not found (request id: trace-1)`,
    );
    const nested = await failWith((res) =>
      sendJson(res, 400, { error: { message: 'bad kind', code: 'INVALID_KIND' }, traceId: 't2' }),
    );
    expect(nested).toBeInstanceOf(BadRequestError);
    expect(nested).toMatchObject({
      serverMessage: 'bad kind',
      code: 'INVALID_KIND',
      requestId: 't2',
    });
  });

  it('picks the class by status', async () => {
    const cases: [number, abstract new (...args: never[]) => APIError][] = [
      [400, BadRequestError],
      [401, AuthenticationError],
      [403, PermissionDeniedError],
      [404, NotFoundError],
      [409, ConflictError],
      [422, UnprocessableEntityError],
      [429, RateLimitError],
      [500, InternalServerError],
      [502, InternalServerError],
      [503, InternalServerError],
    ];
    for (const [status, ErrorClass] of cases) {
      const error = await failWith((res) => sendJson(res, status, { message: 'x' }));
      expect(error, String(status)).toBeInstanceOf(ErrorClass);
      expect(error.status).toBe(status);
    }
    const teapot = await failWith((res) => sendJson(res, 418, {}));
    expect(teapot.constructor).toBe(APIError);
    expect(teapot.message).toBe(`GET ${server!.url}/v1/uploads/upload_1 → 418 I'm a Teapot`);
  });

  it('keeps a rate limit’s requested wait', async () => {
    const error = await failWith((res) =>
      sendJson(res, 429, { message: 'Too many', remainingSeconds: 42 }),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(42_000);
  });

  it('keeps HTML bodies as text and truncates them in the message', async () => {
    const html = `<html><body>${'<p>Bad gateway</p>'.repeat(200)}</body></html>`;
    const error = await failWith((res) => {
      res.writeHead(502, { 'content-type': 'text/html', 'x-amzn-requestid': 'amz-1' });
      res.end(html);
    });
    expect(error.body).toBe(html);
    expect(error.requestId).toBe('amz-1');
    expect(error.message.length).toBeLessThan(500);
    expect(error.message).toContain('…');
  });

  it("reads S3's XML errors from storage", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/xml', 'x-amz-request-id': 'S3REQ' });
      res.end(
        '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message></Error>',
      );
    });
    const client = createHttpClient({ baseURL: 'https://api.example.com' });
    const error = await send(client, {
      method: 'PUT',
      url: `${server!.url}/bucket/key?X-Amz-Signature=s3cr3t`,
      body: 'x',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({
      code: 'SignatureDoesNotMatch',
      requestId: 'S3REQ',
      url: `${server!.url}/bucket/key?X-Amz-Signature=REDACTED`,
    });
    expect((error as Error).message).not.toContain('s3cr3t');
  });
});
