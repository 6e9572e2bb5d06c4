/**
 * Base64 of a string's UTF-8 bytes, with `btoa` (present on every runtime we support) instead of
 * Node's Buffer. `btoa` alone only takes Latin-1, so a non-ASCII secret goes through TextEncoder.
 */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
