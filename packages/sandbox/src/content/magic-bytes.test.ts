import { describe, expect, it } from 'vitest';
import { checkMagicBytes } from './magic-bytes.js';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('checkMagicBytes', () => {
  it.each([
    ['image/png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0)],
    ['image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0)],
    ['IMAGE/JPEG; charset=binary', bytes(0xff, 0xd8, 0xff, 0xdb)],
    ['model/gltf-binary', Buffer.from('glTF\x02\x00\x00\x00', 'latin1')],
    ['application/zip', Buffer.from('PK\x03\x04', 'latin1')],
    ['application/zip', Buffer.from('PK\x05\x06', 'latin1')],
  ])('accepts %s with its signature', (type, head) => {
    expect(checkMagicBytes(type, head)).toBeUndefined();
  });

  it.each([
    ['image/png', 'The file is not a valid PNG image.'],
    ['image/jpeg', 'The file is not a valid JPEG image.'],
    ['model/gltf-binary', 'The file is not a valid glTF binary.'],
    ['application/zip', 'The file is not a valid ZIP archive.'],
  ])('refuses %s with other bytes', (type, message) => {
    expect(checkMagicBytes(type, Buffer.from('hello world'))).toBe(message);
  });

  it('refuses a file shorter than the signature', () => {
    expect(checkMagicBytes('image/png', bytes(0x89, 0x50))).toMatch(/not a valid PNG/);
  });

  it('lets unknown types pass', () => {
    expect(checkMagicBytes('audio/wav', Buffer.from('anything'))).toBeUndefined();
    expect(checkMagicBytes('application/octet-stream', bytes())).toBeUndefined();
  });
});
