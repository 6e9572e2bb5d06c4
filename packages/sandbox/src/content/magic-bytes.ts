interface Signature {
  readonly name: string;
  readonly prefixes: readonly (readonly number[])[];
}

const PNG: Signature = {
  name: 'PNG image',
  prefixes: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
};
const JPEG: Signature = { name: 'JPEG image', prefixes: [[0xff, 0xd8, 0xff]] };
const GLB: Signature = { name: 'glTF binary', prefixes: [[0x67, 0x6c, 0x54, 0x46]] };
// Local file header, empty archive, spanned archive.
const ZIP: Signature = {
  name: 'ZIP archive',
  prefixes: [
    [0x50, 0x4b, 0x03, 0x04],
    [0x50, 0x4b, 0x05, 0x06],
    [0x50, 0x4b, 0x07, 0x08],
  ],
};

const BY_TYPE: Readonly<Record<string, Signature>> = {
  'image/png': PNG,
  'image/jpeg': JPEG,
  'image/jpg': JPEG,
  'image/pjpeg': JPEG,
  'model/gltf-binary': GLB,
  'application/zip': ZIP,
  'application/x-zip-compressed': ZIP,
};

/** How many leading bytes {@link checkMagicBytes} needs. */
export const MAGIC_BYTES_LENGTH = 8;

/**
 * Checks a file's first bytes against its declared media type. Only PNG, JPEG, GLB and ZIP are
 * known; any other type passes.
 * @returns undefined when the bytes fit, else the reason, worded as Scenario words it.
 */
export function checkMagicBytes(contentType: string, head: Uint8Array): string | undefined {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  const signature = BY_TYPE[type];
  if (!signature) return undefined;
  const fits = signature.prefixes.some(
    (prefix) => head.length >= prefix.length && prefix.every((byte, i) => head[i] === byte),
  );
  const article = /^[AEIOU]/i.test(signature.name) ? 'an' : 'a';
  return fits ? undefined : `The file is not ${article} valid ${signature.name}.`;
}
