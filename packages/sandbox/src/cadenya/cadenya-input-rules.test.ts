import { describe, expect, it } from 'vitest';
import { checkEntryKey, checkMetadata, checkUploadSpec } from './cadenya-input-rules.js';
import { GrpcCode } from './grpc-code.js';

const invalid = expect.objectContaining({ code: GrpcCode.INVALID_ARGUMENT });

describe('checkMetadata', () => {
  it.each<Record<string, string>>([
    { 'bad key!': 'x' },
    { team: 'no spaces allowed' },
    { ['x'.repeat(64)]: 'y' },
    { 'Not_DNS/name': 'v' },
  ])('refuses the labels %j with INVALID_ARGUMENT', (labels) => {
    expect(() => checkMetadata({ name: 'n', labels })).toThrow(invalid);
  });

  it('accepts prefixed label keys and empty values', () => {
    expect(() =>
      checkMetadata({ name: 'n', labels: { 'cadenya.com/team': 'support', env: '' } }),
    ).not.toThrow();
  });

  it('requires a name', () => {
    expect(() => checkMetadata({ name: '' })).toThrow(invalid);
  });
});

describe('checkUploadSpec', () => {
  const spec = { filename: 'f', contentType: 'text/plain' };

  it('answers the size in canonical form', () => {
    expect(checkUploadSpec({ ...spec, sizeBytes: '007' })).toBe('7');
  });

  it.each(['0', '-1', '1.5', String(5 * 1024 ** 3 + 1)])('refuses sizeBytes %s', (sizeBytes) => {
    expect(() => checkUploadSpec({ ...spec, sizeBytes })).toThrow(invalid);
  });
});

describe('checkEntryKey', () => {
  it.each(['', '/a', 'a/', 'a//b', 'a b', 'cadenya/x', 'system/x'])('refuses %j', (key) => {
    expect(() => checkEntryKey(key)).toThrow(invalid);
  });

  it('accepts S3-safe keys', () => {
    expect(() => checkEntryKey("docs/refund-policy_v2.(final)*'!.md")).not.toThrow();
  });
});
