import { randomBytes } from 'node:crypto';

/**
 * A valid glTF 2.0 binary (GLB) of exactly `size` bytes: the 12-byte header, a JSON chunk that
 * describes one buffer, and a BIN chunk of random bytes (so nothing compresses or dedupes). Every
 * length field is right, as a glTF validator reads them. `size` must be a multiple of 4, ≥ 1 KiB.
 */
export function glbBytes(
  size: number,
  random: (n: number) => Uint8Array = randomBytes,
): Uint8Array {
  if (!Number.isSafeInteger(size) || size % 4 !== 0 || size < 1024) {
    throw new RangeError(`a GLB size must be a multiple of 4 and at least 1024, got ${size}`);
  }
  const header = 12;
  const chunkHeader = 8;
  // The JSON chunk is padded with spaces to 4 bytes; its buffer length depends on its own size,
  // so try the digit counts until the two agree.
  for (let jsonLength = 64; jsonLength < 1024; jsonLength += 4) {
    const binLength = size - header - 2 * chunkHeader - jsonLength;
    const json = JSON.stringify({
      asset: { version: '2.0', generator: 'upkit demo' },
      buffers: [{ byteLength: binLength }],
    });
    if (json.length > jsonLength) continue;
    const out = new Uint8Array(size);
    const view = new DataView(out.buffer);
    view.setUint32(0, 0x46546c67, true); // 'glTF'
    view.setUint32(4, 2, true);
    view.setUint32(8, size, true);
    view.setUint32(12, jsonLength, true);
    view.setUint32(16, 0x4e4f534a, true); // 'JSON'
    out.set(new TextEncoder().encode(json.padEnd(jsonLength, ' ')), 20);
    const bin = 20 + jsonLength;
    view.setUint32(bin, binLength, true);
    view.setUint32(bin + 4, 0x004e4942, true); // 'BIN\0'
    out.set(random(binLength), bin + 8);
    return out;
  }
  throw new RangeError('unreachable: the JSON chunk always fits in 1 KiB');
}
