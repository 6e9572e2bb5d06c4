import { describe, expect, it } from 'vitest';
import { glbBytes } from './glb.js';

describe('glbBytes', () => {
  it('makes a GLB whose header and chunk lengths add up to the size asked for', () => {
    for (const size of [1024, 4096, 5 * 2 ** 20 + 4]) {
      const glb = glbBytes(size);
      const view = new DataView(glb.buffer);
      expect(glb.byteLength).toBe(size);
      expect(new TextDecoder().decode(glb.subarray(0, 4))).toBe('glTF');
      expect(view.getUint32(4, true)).toBe(2);
      expect(view.getUint32(8, true)).toBe(size);
      const jsonLength = view.getUint32(12, true);
      expect(view.getUint32(16, true)).toBe(0x4e4f534a);
      const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + jsonLength)));
      const bin = 20 + jsonLength;
      const binLength = view.getUint32(bin, true);
      expect(view.getUint32(bin + 4, true)).toBe(0x004e4942);
      expect(json.buffers[0].byteLength).toBe(binLength);
      expect(bin + 8 + binLength).toBe(size);
    }
  });

  it('refuses a size that is no GLB', () => {
    expect(() => glbBytes(1026)).toThrow(RangeError);
    expect(() => glbBytes(100)).toThrow(RangeError);
  });
});
