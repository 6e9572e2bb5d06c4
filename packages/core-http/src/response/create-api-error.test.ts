import { describe, expect, it } from 'vitest';
import { APIError } from '../errors/api-error.js';
import { InternalServerError } from '../errors/internal-server-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { createAPIError, type APIErrorContext } from './create-api-error.js';

const NOW = Date.parse('2025-06-30T15:00:00Z');
const context: APIErrorContext = {
  method: 'GET',
  url: 'https://api.example.com/v1/x',
  maxBytes: 1024,
  scrub: (text) => text.replaceAll('s3cr3t', 'REDACTED'),
  now: () => NOW,
};
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers });

describe('createAPIError', () => {
  it('parses Retry-After once, for every status', async () => {
    const busy = await createAPIError(json(503, {}, { 'retry-after': '3' }), context);
    expect(busy).toBeInstanceOf(InternalServerError);
    expect(busy.retryAfterMs).toBe(3000);
    const date = new Date(NOW + 5000).toUTCString();
    expect(
      (await createAPIError(json(429, {}, { 'retry-after': date }), context)).retryAfterMs,
    ).toBe(5000);
    const limited = await createAPIError(json(429, { remainingSeconds: 2 }), context);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(limited.retryAfterMs).toBe(2000);
    expect((await createAPIError(json(400, {}), context)).retryAfterMs).toBeUndefined();
  });

  it('scrubs the body before reading anything from it', async () => {
    const error = await createAPIError(
      json(401, { message: 'bad key s3cr3t', details: ['s3cr3t'] }),
      context,
    );
    expect(error.message).toBe('GET https://api.example.com/v1/x → 401: bad key REDACTED');
    expect(error.body).toEqual({ message: 'bad key REDACTED', details: ['REDACTED'] });
    expect(error.details).toEqual(['REDACTED']);
  });

  it('reads no more of the body than maxBytes, and survives a body cut short', async () => {
    const long = await createAPIError(new Response('x'.repeat(5000), { status: 502 }), context);
    expect(long.body).toBe('x'.repeat(1024));
    const cut = new Response(
      new ReadableStream({ pull: (controller) => controller.error(new Error('reset')) }),
      { status: 500 },
    );
    const error = await createAPIError(cut, context);
    expect(error).toBeInstanceOf(APIError);
    expect(error.body).toBeUndefined();
  });
});
