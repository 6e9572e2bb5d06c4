import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url.js';

const SIGNATURE = 'f00dfeedc0ffee1234567890abcdef';
const PRESIGNED =
  `https://bucket.s3.amazonaws.com/uploads/part-1?X-Amz-Algorithm=AWS4-HMAC-SHA256` +
  `&X-Amz-Credential=AKIAEXAMPLE%2F20250630%2Fus-east-1%2Fs3%2Faws4_request` +
  `&X-Amz-Signature=${SIGNATURE}&partNumber=1&uploadId=abc`;

describe('redactUrl', () => {
  it('hides every query value that is not allowlisted, keeping names and order', () => {
    const redacted = redactUrl(PRESIGNED);
    expect(redacted).not.toContain(SIGNATURE);
    expect(redacted).not.toContain('AKIAEXAMPLE');
    expect(redacted).toBe(
      'https://bucket.s3.amazonaws.com/uploads/part-1?X-Amz-Algorithm=REDACTED&X-Amz-Credential=REDACTED&X-Amz-Signature=REDACTED&partNumber=REDACTED&uploadId=REDACTED',
    );
  });

  it('shows allowlisted parameters, case-insensitively', () => {
    expect(redactUrl('https://x.test/a?projectId=p1&LIMIT=5&token=t', ['projectId', 'limit'])).toBe(
      'https://x.test/a?projectId=p1&LIMIT=5&token=REDACTED',
    );
    expect(redactUrl(PRESIGNED, ['partNumber'])).toContain('partNumber=1&');
  });

  it('drops credentials and fragments, and bare query items', () => {
    expect(redactUrl('https://user:pw@x.test/p?secret#access_token=abc')).toBe(
      'https://x.test/p?REDACTED#REDACTED',
    );
  });

  it('never returns an unparseable input or a non-http payload', () => {
    expect(redactUrl('not a url?sig=1')).toBe('REDACTED');
    expect(redactUrl('data:text/plain,secret')).toBe('data:REDACTED');
  });
});
