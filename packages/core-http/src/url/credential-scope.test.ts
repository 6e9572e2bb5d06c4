import { describe, expect, it } from 'vitest';
import { inCredentialScope } from './credential-scope.js';

const inScope = (url: string, base: string) => inCredentialScope(new URL(url), new URL(base));

describe('inCredentialScope', () => {
  it('covers the base URL’s path and below, on its origin', () => {
    const base = 'https://host.test/scenario/v1';
    expect(inScope('https://host.test/scenario/v1', base)).toBe(true);
    expect(inScope('https://host.test/scenario/v1/', base)).toBe(true);
    expect(inScope('https://host.test/scenario/v1/uploads/u?limit=1', base)).toBe(true);
    expect(inScope('https://host.test/scenario/v1/../v1/uploads', base)).toBe(true);
    expect(inScope('https://host.test/x', 'https://host.test')).toBe(true);
    expect(inScope('https://host.test/x', 'https://host.test/')).toBe(true);
  });

  it('leaves out other paths, origins, schemes and ports', () => {
    const base = 'https://host.test/scenario/v1/';
    for (const url of [
      'https://host.test/storage/bucket/key',
      'https://host.test/scenario/v10',
      'https://host.test/scenario/v1/../../storage/x',
      'https://host.test/scenario/v1%2F..%2F..%2Fstorage',
      'https://host.test/Scenario/v1/x',
      'https://other.test/scenario/v1/x',
      'http://host.test/scenario/v1/x',
      'https://host.test:8443/scenario/v1/x',
    ]) {
      expect(inScope(url, base), url).toBe(false);
    }
  });

  it('leaves out presigned URLs, even under the base path', () => {
    expect(inScope('https://host.test/v1/p?X-Amz-Signature=s', 'https://host.test/v1')).toBe(false);
  });
});
