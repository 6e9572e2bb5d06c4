import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { basicAuth } from './auth/basic.js';
import { createHttpClient } from './http-client.js';
import { send } from './send.js';
import type { MiddlewareRequest } from './middleware.js';
import { captureLogger, sendJson, useServers } from './testing/loopback-server.js';
import { getUpload, UPLOAD } from './testing/operations.js';

const API_KEY = 'api_key_7f3c1e';
const API_SECRET = 'api_secret_9b2d4a_DO_NOT_LOG';
const HEADER_SECRET = 'x_api_key_header_5e6f';
const QUERY_SECRET = 'query_token_8a9b';
const SIGNATURE = '4f2b8e1d9c7a6b5e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e';
const CREDENTIAL = 'AKIAIOSFODNN7EXAMPLE';
const SECRETS = [
  API_KEY,
  API_SECRET,
  HEADER_SECRET,
  QUERY_SECRET,
  SIGNATURE,
  CREDENTIAL,
  Buffer.from(`${API_KEY}:${API_SECRET}`).toString('base64'),
];

const serve = useServers();

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

function everyView(value: unknown): string[] {
  return [
    String(value),
    JSON.stringify(value) ?? '',
    inspect(value, { depth: 10 }),
    inspect(value, { depth: 10, showHidden: true }),
    value instanceof Error ? `${value.message}\n${value.stack ?? ''}` : '',
  ];
}

describe('credentials never leak', () => {
  it('not into logs, error messages, JSON or inspect output', async () => {
    const api = await serve((_req, res, index) => {
      if (index === 0) sendJson(res, 503, { message: 'busy' }, { 'set-cookie': `s=${API_SECRET}` });
      else if (index === 1) sendJson(res, 200, { upload: UPLOAD });
      else sendJson(res, 404, { message: 'Upload not found', trace_id: 't-1' });
    });
    const storage = await serve((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
    });

    const { logger, lines } = captureLogger();
    const seenByMiddleware: MiddlewareRequest[] = [];
    const client = createHttpClient({
      baseURL: api.url,
      auth: basicAuth(API_KEY, API_SECRET),
      defaultHeaders: { 'x-api-key': HEADER_SECRET },
      logLevel: 'debug',
      logger,
      sleep: async () => {},
      middleware: [
        async (request, next) => {
          seenByMiddleware.push(request);
          return next(request);
        },
      ],
    });

    const query = { projectId: 'proj_1', token: QUERY_SECRET };
    await client.request(getUpload, { path: { uploadId: 'upload_1' }, query });
    const notFound = await client
      .request(getUpload, { path: { uploadId: 'upload_1' }, query })
      .catch((e: unknown) => e);
    const presigned =
      `${storage.url}/bucket/upload_1?X-Amz-Algorithm=AWS4-HMAC-SHA256` +
      `&X-Amz-Credential=${CREDENTIAL}%2F20250630%2Fus-east-1%2Fs3%2Faws4_request` +
      `&X-Amz-Signature=${SIGNATURE}`;
    const forbidden = await send(client, { method: 'PUT', url: presigned, body: 'bytes' }).catch(
      (e: unknown) => e,
    );

    // The secrets did go on the wire, where they belong.
    expect(api.requests[0]!.headers['authorization']).toContain('Basic ');
    expect(api.requests[0]!.headers['x-api-key']).toBe(HEADER_SECRET);
    expect(storage.requests[0]!.url).toContain(SIGNATURE);

    // Logs: allowlisted things shown, everything else REDACTED.
    const log = lines.join('\n');
    expect(log).toContain('projectId=proj_1');
    expect(log).toContain('token=REDACTED');
    expect(log).toContain('"authorization":"REDACTED"');
    expect(log).toContain('"x-api-key":"REDACTED"');
    expect(log).toContain('"set-cookie":"REDACTED"');
    expect(log).toContain('X-Amz-Signature=REDACTED');
    expect(log).toMatch(/Retrying GET/);
    expectNoSecret(log);

    for (const error of [notFound, forbidden]) {
      expect(error).toBeInstanceOf(Error);
      for (const view of everyView(error)) expectNoSecret(view);
    }
    expect((notFound as Error).message).toBe(
      `GET ${api.url}/v1/uploads/upload_1?projectId=proj_1&token=REDACTED → 404 Not Found: Upload not found (request id: t-1)`,
    );
    for (const view of [...everyView(client), ...seenByMiddleware.flatMap(everyView)]) {
      expectNoSecret(view);
    }
  });
});
