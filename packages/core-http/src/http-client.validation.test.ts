import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ResponseValidationError } from './errors/response-validation-error.js';
import { createHttpClient } from './http-client.js';
import type { HttpClientConfig } from './config/client-config.js';
import {
  captureLogger,
  sendJson,
  startServer,
  type LoopbackServer,
} from './testing/loopback-server.js';
import { getUpload, UPLOAD } from './testing/operations.js';

let server: LoopbackServer;
let body: unknown;
beforeEach(async () => {
  server = await startServer((_req, res) =>
    typeof body === 'string'
      ? res.writeHead(200, { 'content-type': 'text/plain' }).end(body)
      : sendJson(res, 200, body, { 'x-request-id': 'req-9' }),
  );
});
afterEach(() => server.close());

const invalid = { upload: { ...UPLOAD, status: 'archived', extra: 1 } };
const get = { path: { uploadId: 'upload_1' } };

function client(config: Partial<HttpClientConfig> = {}) {
  const { logger, lines } = captureLogger();
  return { client: createHttpClient({ baseURL: server.url, logger, ...config }), lines };
}

describe('response validation', () => {
  it('strict (default): returns the schema output, or throws with payload and issue paths', async () => {
    body = { upload: { ...UPLOAD, unknownField: true } };
    const { client: strict } = client();
    expect(await strict.request(getUpload, get)).toEqual({ upload: UPLOAD });

    body = invalid;
    const error = await strict.request(getUpload, get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({
      payload: invalid,
      status: 200,
      operationId: 'getUpload',
      requestId: 'req-9',
    });
    expect((error as ResponseValidationError).issues.map((i) => i.path)).toEqual([
      ['upload', 'status'],
    ]);
    expect((error as Error).message).toContain('upload.status');
    expect(server.requests).toHaveLength(2);
  });

  it('warn: logs through the logger (whatever logLevel says) and returns the raw data', async () => {
    body = invalid;
    const { client: warn, lines } = client({ validation: 'warn' });
    expect(await warn.request(getUpload, get)).toEqual(invalid);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^warn GET .* response did not match the getUpload schema: upload\.status/,
    );
  });

  it('off: returns the raw data silently; a call can override the client', async () => {
    body = invalid;
    const { client: off, lines } = client({ validation: 'off' });
    expect(await off.request(getUpload, get)).toEqual(invalid);
    expect(lines).toEqual([]);
    await expect(off.request(getUpload, get, { validation: 'strict' })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
    const { client: strict } = client();
    expect(await strict.request(getUpload, get, { validation: 'off' })).toEqual(invalid);
  });

  it('treats a non-JSON 2xx body as a validation failure, keeping the text', async () => {
    body = '<html>maintenance</html>';
    const error = await client()
      .client.request(getUpload, get)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).payload).toBe(body);
    expect(await client({ validation: 'off' }).client.request(getUpload, get)).toBe(body);
  });

  it('supports schemas that transform and validate asynchronously', async () => {
    body = { upload: UPLOAD };
    const op = {
      ...getUpload,
      response: z
        .object({ upload: z.object({ id: z.string() }) })
        .refine(async (value) => value.upload.id.startsWith('upload_'))
        .transform((value) => value.upload.id),
    };
    const id = await client().client.request(op, get);
    expect(id).toBe('upload_1');
  });
});
