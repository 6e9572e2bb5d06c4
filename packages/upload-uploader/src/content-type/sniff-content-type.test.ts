import { describe, expect, it } from 'vitest';
import { sniffContentType } from './sniff-content-type.js';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(
    values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])),
  );

describe('sniffContentType', () => {
  it.each([
    ['image/png', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0)],
    ['image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0)],
    ['model/gltf-binary', bytes('glTF', 2, 0, 0, 0)],
    ['application/zip', bytes('PK', 3, 4, 20, 0)],
    ['application/pdf', bytes('%PDF-1.7\n')],
    ['video/mp4', bytes(0, 0, 0, 0x20, 'ftypisom')],
    ['audio/wav', bytes('RIFF', 0x24, 0, 0, 0, 'WAVEfmt ')],
    ['image/webp', bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 ')],
    ['image/gif', bytes('GIF89a')],
  ])('recognises %s', (type, head) => {
    expect(sniffContentType(head)).toBe(type);
  });

  it('knows nothing of text, an unknown RIFF or too few bytes', () => {
    expect(sniffContentType(bytes('hello world'))).toBeUndefined();
    expect(sniffContentType(bytes('RIFF', 0, 0, 0, 0, 'AVI '))).toBeUndefined();
    expect(sniffContentType(bytes(0x89, 'PN'))).toBeUndefined();
    expect(sniffContentType(new Uint8Array())).toBeUndefined();
  });
});
