import { describe, expect, it } from 'vitest';
import { isPresignedUrl } from './is-presigned-url.js';

const presigned = (url: string) => isPresignedUrl(new URL(url));

describe('isPresignedUrl', () => {
  it('knows the signed URLs of S3, GCS, Azure and CloudFront, in any case', () => {
    for (const query of [
      'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=c&X-Amz-Signature=s',
      'x-amz-signature=s',
      'AWSAccessKeyId=A&Expires=1&Signature=s',
      'X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=c&X-Goog-Signature=s',
      'GoogleAccessId=a&Expires=1&Signature=s',
      'sv=2024-01-01&se=2025&sr=b&sp=w&sig=s',
      'Expires=1&Signature=s&Key-Pair-Id=K',
    ]) {
      expect(presigned(`https://bucket.test/key?${query}`), query).toBe(true);
    }
  });

  it('is false for ordinary queries', () => {
    expect(presigned('https://api.test/v1/uploads?limit=10&cursor=abc')).toBe(false);
    expect(presigned('https://api.test/v1/uploads')).toBe(false);
  });
});
