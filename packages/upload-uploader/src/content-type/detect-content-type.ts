import { lookup } from 'mrmime';
import { sniffContentType } from './sniff-content-type.js';

/** What the content type of an upload was decided from. */
export type ContentTypeSource = 'option' | 'source' | 'extension' | 'magic-bytes' | 'default';

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/**
 * The content type to upload with: the option, else the source's own (a `File`'s `type`), else
 * the file name's extension, else the first bytes, else `application/octet-stream`.
 */
export async function detectContentType(input: {
  readonly option?: string | undefined;
  readonly sourceType?: string | undefined;
  readonly name?: string | undefined;
  readonly head: () => Promise<Uint8Array>;
}): Promise<{ contentType: string; from: ContentTypeSource }> {
  if (input.option) return { contentType: input.option, from: 'option' };
  if (input.sourceType) return { contentType: input.sourceType, from: 'source' };
  const byName = input.name ? lookup(input.name) : undefined;
  if (byName) return { contentType: byName, from: 'extension' };
  const sniffed = sniffContentType(await input.head());
  return sniffed
    ? { contentType: sniffed, from: 'magic-bytes' }
    : { contentType: DEFAULT_CONTENT_TYPE, from: 'default' };
}
