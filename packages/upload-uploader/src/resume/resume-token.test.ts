import { describe, expect, it } from 'vitest';
import { InvalidResumeTokenError } from '../errors/invalid-resume-token-error.js';
import { parseResumeToken, type ResumeToken } from './resume-token.js';

const token: ResumeToken = {
  version: 1,
  target: 'scenario',
  uploadId: 'upload_1',
  partSize: 8 * 2 ** 20,
  partCount: 3,
  contentType: 'model/gltf-binary',
  parts: [{ number: 1, size: 8 * 2 ** 20, etag: '"abc"' }],
  fingerprint: { size: 20 * 2 ** 20, name: 'robot.glb', lastModified: 1, head: 'h', tail: 't' },
  createdAt: '2026-12-03T00:00:00.000Z',
};

describe('parseResumeToken', () => {
  it('reads the object and its JSON alike', () => {
    expect(parseResumeToken(token)).toEqual(token);
    expect(parseResumeToken(JSON.stringify(token))).toEqual(token);
  });

  it.each([
    ['{', 'not valid JSON'],
    [[], 'expected an object'],
    [{ ...token, version: 2 }, 'unsupported version 2'],
    [{ ...token, target: 's3' }, 'target must be'],
    [{ ...token, uploadId: '' }, 'uploadId must be a non-empty string'],
    [{ ...token, partSize: 0 }, 'partSize must be a positive integer'],
    [{ ...token, parts: [{ number: 4, size: 1 }] }, 'part 4 is out of range'],
    [
      {
        ...token,
        parts: [
          { number: 1, size: 1 },
          { number: 1, size: 1 },
        ],
      },
      'listed twice',
    ],
    [{ ...token, fingerprint: { size: 1 } }, 'fingerprint needs'],
  ])('refuses %j: %s', (value, message) => {
    expect(() => parseResumeToken(value)).toThrow(InvalidResumeTokenError);
    expect(() => parseResumeToken(value)).toThrow(message);
  });
});
