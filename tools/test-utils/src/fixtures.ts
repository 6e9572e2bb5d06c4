import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The vendor material upkit's tests check against, kept in ../fixtures/ (see its README.md for
// where each file comes from). Byte-for-byte copies: never edit them.

/** The two vendor SDK documents of `uploads.retrieve` the project was created from. */
export const SEEDS = {
  /** Scenario's `uploads.retrieve` (`GET /uploads/{uploadId}`). */
  scenario: '000_5ac253ee411d2577.txt',
  /** Cadenya's `uploads.retrieve` (`GET /v1/workspaces/{workspaceId}/uploads/{id}`). */
  cadenya: '004_50a56e3cd57dc7e8.txt',
} as const;

/** A seed document's file name. */
export type SeedName = (typeof SEEDS)[keyof typeof SEEDS];

const FIXTURES = new URL('../fixtures/', import.meta.url);

/** Cadenya's full public OpenAPI 3.1 document (488 KB, 142 operations), as a `file:` URL. */
export const cadenyaPublicSpecUrl = new URL('cadenya-api-spec.yml', FIXTURES);

/** Cadenya's full public OpenAPI 3.1 document, as an absolute file path. */
export const cadenyaPublicSpecPath = fileURLToPath(cadenyaPublicSpecUrl);

/** The text of a seed document. */
export function seedDocument(name: SeedName): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

const RESPONSE = /#### Response\s*```json\s*([\s\S]*?)\s*```/g;

/**
 * The example response of a seed document: the JSON of its one `#### Response ```json … ````
 * block, parsed afresh on every call (callers may change it).
 */
export function seedExample(name: SeedName): unknown {
  const blocks = [...seedDocument(name).matchAll(RESPONSE)];
  if (blocks.length !== 1) {
    throw new Error(`${name}: expected one example response, found ${blocks.length}`);
  }
  return JSON.parse(blocks[0]![1]!);
}
