/** How many leading bytes {@link sniffContentType} looks at. */
export const SNIFF_BYTES = 16;

type Test = (head: Uint8Array) => boolean;

const startsWith =
  (...bytes: number[]): Test =>
  (head) =>
    bytes.every((byte, i) => head[i] === byte);
const ascii = (text: string, at = 0): Test => {
  const codes = [...text].map((c) => c.charCodeAt(0));
  return (head) => codes.every((code, i) => head[at + i] === code);
};
const both =
  (a: Test, b: Test): Test =>
  (head) =>
    a(head) && b(head);

/** Signatures of the formats people upload most, first match wins. */
const SIGNATURES: readonly (readonly [string, Test])[] = [
  ['image/png', startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)],
  ['image/jpeg', startsWith(0xff, 0xd8, 0xff)],
  ['image/gif', ascii('GIF8')],
  ['image/webp', both(ascii('RIFF'), ascii('WEBP', 8))],
  ['audio/wav', both(ascii('RIFF'), ascii('WAVE', 8))],
  ['model/gltf-binary', ascii('glTF')],
  ['application/pdf', ascii('%PDF-')],
  // ISO base media (MP4, MOV…): a box size, then `ftyp`.
  ['video/mp4', ascii('ftyp', 4)],
  ['application/zip', startsWith(0x50, 0x4b, 0x03, 0x04)],
  ['application/zip', startsWith(0x50, 0x4b, 0x05, 0x06)],
  ['audio/mpeg', ascii('ID3')],
  ['application/gzip', startsWith(0x1f, 0x8b)],
];

/**
 * The media type a file's first bytes reveal: PNG, JPEG, GIF, WebP, WAV, GLB, PDF, MP4, ZIP, MP3
 * (ID3) and gzip. `undefined` when none matches.
 */
export function sniffContentType(head: Uint8Array): string | undefined {
  return SIGNATURES.find(([, test]) => test(head))?.[0];
}
