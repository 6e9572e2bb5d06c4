import { describe, expect, it } from 'vitest';
import { isExpiredUrlAnswer, parseStorageError } from './storage-error-xml.js';

const xml = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>r1</RequestId></Error>`;

describe('storage error XML', () => {
  it('reads the code and message', () => {
    expect(
      parseStorageError(
        xml('SignatureDoesNotMatch', 'The request signature we calculated does not match'),
      ),
    ).toEqual({
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match',
    });
    expect(parseStorageError('not xml')).toEqual({});
  });

  it('knows an expired URL from any other 403', () => {
    expect(isExpiredUrlAnswer(403, xml('AccessDenied', 'Request has expired'))).toBe(true);
    expect(isExpiredUrlAnswer(403, xml('AccessDenied', 'Request is not yet valid'))).toBe(false);
    expect(isExpiredUrlAnswer(403, xml('SignatureDoesNotMatch', 'expired?'))).toBe(false);
    expect(isExpiredUrlAnswer(400, xml('AccessDenied', 'Request has expired'))).toBe(false);
  });
});
