import { describe, expect, it } from 'vitest';
import { parseErrorBody } from './parse-error-body.js';

describe('parseErrorBody', () => {
  it("reads Cadenya's google.rpc.Status, naming the gRPC code", () => {
    expect(parseErrorBody({ code: 5, message: 'upload not found', details: [] })).toEqual({
      grpcCode: 5,
      code: 'NOT_FOUND',
      message: 'upload not found',
      details: [],
    });
    expect(parseErrorBody({ code: 16, message: 'bad key' }).code).toBe('UNAUTHENTICATED');
    expect(parseErrorBody({ code: 99, message: 'x' }).code).toBe('99');
  });

  it("reads Scenario's loose shapes", () => {
    expect(parseErrorBody({ message: 'Upload not found', trace_id: 't1' })).toEqual({
      message: 'Upload not found',
      requestId: 't1',
    });
    expect(parseErrorBody({ reason: 'Invalid kind', traceId: 't2' })).toEqual({
      message: 'Invalid kind',
      requestId: 't2',
    });
    expect(parseErrorBody({ error: 'Forbidden', code: 'FORBIDDEN', status: 403 })).toEqual({
      message: 'Forbidden',
      code: 'FORBIDDEN',
    });
    expect(parseErrorBody({ error: { message: 'quota', code: 'QUOTA' } })).toEqual({
      message: 'quota',
      code: 'QUOTA',
    });
    expect(parseErrorBody({ detail: 'Not allowed', details: { a: 1 } })).toEqual({
      message: 'Not allowed',
      details: { a: 1 },
    });
    expect(parseErrorBody({ message: 'slow down', remainingSeconds: 3 }).retryAfterMs).toBe(3000);
    expect(parseErrorBody({ detail: [{ loc: ['body'], msg: 'x' }] }).message).toBe(
      '[{"loc":["body"],"msg":"x"}]',
    );
  });

  it('reads Google-style nested errors', () => {
    expect(
      parseErrorBody({ error: { code: 404, message: 'nope', status: 'NOT_FOUND' } }),
    ).toMatchObject({ message: 'nope', code: 'NOT_FOUND' });
  });

  it('reads S3 XML and keeps other text as the message', () => {
    const xml =
      '<?xml version="1.0"?><Error><Code>SignatureDoesNotMatch</Code><Message>The signature…</Message><RequestId>R1</RequestId></Error>';
    expect(parseErrorBody(xml)).toEqual({
      code: 'SignatureDoesNotMatch',
      message: 'The signature…',
      requestId: 'R1',
    });
    expect(parseErrorBody('<html><title>502 Bad Gateway</title><body>…</body></html>')).toEqual({
      message: '502 Bad Gateway',
    });
    expect(parseErrorBody('upstream timeout')).toEqual({ message: 'upstream timeout' });
    expect(parseErrorBody('')).toEqual({});
    expect(parseErrorBody(undefined)).toEqual({});
    expect(parseErrorBody([1, 2])).toEqual({});
  });
});
