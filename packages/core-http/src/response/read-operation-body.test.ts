import { describe, expect, it } from 'vitest';
import { APIConnectionError } from '../errors/api-connection-error.js';
import { ResponseTooLargeError } from '../errors/response-too-large-error.js';
import { ResponseValidationError } from '../errors/response-validation-error.js';
import { fakeFetch, jsonResponse } from '../testing/fake-fetch.js';
import { captureLogger } from '../testing/loopback-server.js';
import { getUpload, UPLOAD } from '../testing/operations.js';
import { createHttpClient } from '../http-client.js';

/** A client whose every call is answered with `respond()`. */
function clientAnswering(respond: () => Response, maxResponseBytes?: number) {
  const { fetch } = fakeFetch(respond);
  const { logger, lines } = captureLogger();
  const client = createHttpClient({
    baseURL: 'https://api.example.com',
    fetch,
    logger,
    maxRetries: 0,
    maxResponseBytes,
  });
  return { request: () => client.request(getUpload, { path: { uploadId: 'u' } }), lines };
}

describe('readOperationBody', () => {
  it('validates the body and returns the schema’s output', async () => {
    const { request } = clientAnswering(() => jsonResponse(200, { upload: UPLOAD, extra: 1 }));
    expect(await request()).toEqual({ upload: UPLOAD });
  });

  it('refuses a body over maxResponseBytes with the status, the request id and the limit', async () => {
    const { request } = clientAnswering(
      () => jsonResponse(200, { upload: UPLOAD }, { 'x-request-id': 'r1' }),
      10,
    );
    const error = await request().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({
      status: 200,
      maxResponseBytes: 10,
      requestId: 'r1',
      operationId: 'getUpload',
      url: 'https://api.example.com/v1/uploads/u',
    });
    expect((error as Error).message).toBe(
      'GET https://api.example.com/v1/uploads/u → 200: response body larger than maxResponseBytes (10 bytes) (request id: r1)',
    );
  });

  it('makes a body that breaks off a connection error', async () => {
    const { request } = clientAnswering(() => {
      let sent = false;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent) return controller.error(new TypeError('terminated'));
          sent = true;
          controller.enqueue(new TextEncoder().encode('{"upload":'));
        },
      });
      return new Response(body);
    });
    const error = await request().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(/connection lost while reading the response body/);
  });

  it('reports a body that does not match, or is not JSON', async () => {
    const invalid = clientAnswering(() => jsonResponse(200, { upload: { id: 1 } }));
    await expect(invalid.request()).rejects.toBeInstanceOf(ResponseValidationError);
    const html = clientAnswering(() => new Response('<html>'));
    const error = await html.request().catch((e: unknown) => e);
    expect((error as ResponseValidationError).issues).toEqual([
      { message: 'response body is not JSON', path: [] },
    ]);
  });
});
