import { describe, expect, it } from 'vitest';
import { detectContentType } from './detect-content-type.js';

const glb = new TextEncoder().encode('glTF\u0002\u0000\u0000\u0000');
const unreadable = () => Promise.reject(new Error('must not read'));

describe('detectContentType', () => {
  it('prefers the option, then the source, then the extension, without reading', async () => {
    expect(
      await detectContentType({
        option: 'x/y',
        sourceType: 'a/b',
        name: 'r.glb',
        head: unreadable,
      }),
    ).toEqual({ contentType: 'x/y', from: 'option' });
    expect(await detectContentType({ sourceType: 'a/b', name: 'r.glb', head: unreadable })).toEqual(
      { contentType: 'a/b', from: 'source' },
    );
    expect(await detectContentType({ name: 'robot.glb', head: unreadable })).toEqual({
      contentType: 'model/gltf-binary',
      from: 'extension',
    });
    expect(await detectContentType({ name: 'scan.PDF', head: unreadable })).toEqual({
      contentType: 'application/pdf',
      from: 'extension',
    });
  });

  it('falls back to the magic bytes, then to application/octet-stream', async () => {
    expect(await detectContentType({ name: 'robot', head: async () => glb })).toEqual({
      contentType: 'model/gltf-binary',
      from: 'magic-bytes',
    });
    expect(
      await detectContentType({
        name: 'data.unknownext',
        head: async () => new Uint8Array([1, 2, 3]),
      }),
    ).toEqual({ contentType: 'application/octet-stream', from: 'default' });
    expect(await detectContentType({ head: async () => new Uint8Array() })).toEqual({
      contentType: 'application/octet-stream',
      from: 'default',
    });
  });
});
