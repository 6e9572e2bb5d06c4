import { describe, expect, it } from 'vitest';
import { StorageRefusal } from '../errors/storage-refusal.js';
import { amzDate, parseAmzDate, presignPut, verifyPresignedRequest } from './sigv4.js';

// The example of AWS's "Authenticating Requests: Using Query Parameters (SigV4)" documentation.
const AWS_EXAMPLE = {
  url: 'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
  secrets: new Map([['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']]),
  nowMs: Date.UTC(2013, 4, 24, 1, 0, 0),
};

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StorageRefusal)
      return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
};

const verify = (
  url: string,
  headers: Record<string, string> = {},
  nowMs = AWS_EXAMPLE.nowMs,
  method = 'GET',
) =>
  verifyPresignedRequest({
    method,
    url: new URL(url),
    header: (name) => headers[name.toLowerCase()],
    secrets: AWS_EXAMPLE.secrets,
    nowMs,
  });

describe('verifyPresignedRequest', () => {
  it("accepts AWS's documented presigned URL", async () => {
    const result = await verify(AWS_EXAMPLE.url);
    expect(result.signedHeaders).toEqual(['host']);
    expect(result.expiresAtMs).toBe(Date.UTC(2013, 4, 25));
  });

  it('refuses it once expired, and refuses any change to method, path, query or signature', async () => {
    expect(
      await refusal(verify(AWS_EXAMPLE.url, {}, Date.UTC(2013, 4, 25, 0, 0, 1))),
    ).toMatchObject({
      status: 403,
      code: 'AccessDenied',
      message: 'Request has expired',
    });
    const mismatch = { status: 403, code: 'SignatureDoesNotMatch' };
    expect(await refusal(verify(AWS_EXAMPLE.url, {}, AWS_EXAMPLE.nowMs, 'PUT'))).toMatchObject(
      mismatch,
    );
    expect(await refusal(verify(AWS_EXAMPLE.url.replace('test.txt', 'test2.txt')))).toMatchObject(
      mismatch,
    );
    expect(await refusal(verify(`${AWS_EXAMPLE.url}&extra=1`))).toMatchObject(mismatch);
    expect(await refusal(verify(AWS_EXAMPLE.url.replace('d404', 'd405')))).toMatchObject(mismatch);
    expect(
      await refusal(verify(AWS_EXAMPLE.url.replace('examplebucket.', 'otherbucket.'))),
    ).toMatchObject(mismatch);
  });

  it('allows 15 minutes of clock skew for an X-Amz-Date in the future, and refuses beyond it', async () => {
    // Signed at 2013-05-24T00:00:00Z.
    await expect(verify(AWS_EXAMPLE.url, {}, Date.UTC(2013, 4, 23, 23, 45, 0))).resolves.toEqual({
      signedHeaders: ['host'],
      expiresAtMs: Date.UTC(2013, 4, 25),
    });
    expect(
      await refusal(verify(AWS_EXAMPLE.url, {}, Date.UTC(2013, 4, 23, 23, 44, 59))),
    ).toMatchObject({ status: 403, code: 'AccessDenied', message: 'Request is not yet valid' });
    expect(await refusal(verify(AWS_EXAMPLE.url, {}, Date.UTC(2012, 4, 24)))).toMatchObject({
      status: 403,
      code: 'AccessDenied',
      message: 'Request is not yet valid',
    });
  });

  it('refuses unknown keys, malformed and missing parameters', async () => {
    expect(
      await refusal(verify(AWS_EXAMPLE.url.replace('AKIAIOSFODNN7EXAMPLE', 'AKIAOTHER'))),
    ).toMatchObject({
      status: 403,
      code: 'InvalidAccessKeyId',
    });
    expect(await refusal(verify('https://examplebucket.s3.amazonaws.com/test.txt'))).toMatchObject({
      status: 403,
      code: 'AccessDenied',
    });
    const partial = AWS_EXAMPLE.url.replace(/&X-Amz-Expires=\d+/, '');
    expect(await refusal(verify(partial))).toMatchObject({
      status: 400,
      code: 'AuthorizationQueryParametersError',
    });
    const week = AWS_EXAMPLE.url.replace('X-Amz-Expires=86400', 'X-Amz-Expires=604801');
    expect(await refusal(verify(week))).toMatchObject({
      status: 400,
      code: 'AuthorizationQueryParametersError',
    });
  });
});

describe('presignPut', () => {
  const secrets = new Map([['AKIATEST', 'secret']]);
  const nowMs = Date.UTC(2025, 5, 30, 15, 15, 27, 153);

  it('signs the listed headers, and the PUT verifies only with exactly those values', async () => {
    const signed = await presignPut({
      url: 'http://127.0.0.1:9/storage/bucket/ws/upload_1',
      accessKeyId: 'AKIATEST',
      secretAccessKey: 'secret',
      region: 'us-west-2',
      nowMs,
      expiresSeconds: 900,
      headers: { 'content-type': 'text/markdown', 'content-length': '5' },
    });
    const url = new URL(signed.url);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIATEST/20250630/us-west-2/s3/aws4_request',
      'X-Amz-Date': '20250630T151527Z',
      'X-Amz-Expires': '900',
      'X-Amz-SignedHeaders': 'content-length;content-type;host',
    });
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(signed.expiresAtMs).toBe(Date.UTC(2025, 5, 30, 15, 30, 27));

    const check = (headers: Record<string, string>) =>
      verifyPresignedRequest({ method: 'PUT', url, header: (n) => headers[n], secrets, nowMs });
    await expect(
      check({ 'content-type': 'text/markdown', 'content-length': '5' }),
    ).resolves.toBeDefined();
    const wrong: Record<string, string>[] = [
      { 'content-type': 'text/plain', 'content-length': '5' },
      { 'content-type': 'text/markdown', 'content-length': '6' },
      { 'content-type': 'text/markdown' },
    ];
    for (const headers of wrong) {
      expect(await refusal(check(headers))).toMatchObject({ code: 'SignatureDoesNotMatch' });
    }
  });

  it('formats and parses X-Amz-Date', () => {
    expect(amzDate(nowMs)).toBe('20250630T151527Z');
    expect(parseAmzDate('20250630T151527Z')).toBe(Date.UTC(2025, 5, 30, 15, 15, 27));
    expect(parseAmzDate('2025-06-30')).toBeNaN();
  });
});
