import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  SEEDS,
  cadenyaPublicSpecPath,
  cadenyaPublicSpecUrl,
  seedDocument,
  seedExample,
} from './fixtures.js';

/** The SHA-256 of each fixture as copied from the vendors (fixtures/README.md lists them too). */
const SHA256 = {
  '000_5ac253ee411d2577.txt': '8b9e336e26d2ff3e6a0db3868b099d6d3c766b7f3b82ab1f04b7f67169c65297',
  '004_50a56e3cd57dc7e8.txt': 'df3a9b27d47bd4aa5cacb2d87bb6cb184e9b1b5460d53dce261dd888f24bc656',
  'cadenya-api-spec.yml': '17e221462cadd0017d363a858d22292f4b4e5448e1cc300a1c2c386e2183b576',
};

describe('the vendor fixtures', () => {
  it.each(Object.entries(SHA256))('%s is the unedited copy', (file, sha256) => {
    const bytes = readFileSync(new URL(`../fixtures/${file}`, import.meta.url));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
  });

  it('gives the example response of each seed, parsed afresh', () => {
    const scenario = seedExample(SEEDS.scenario) as { upload: Record<string, unknown> };
    expect(scenario.upload).toMatchObject({ id: 'id', kind: '3d', status: 'complete' });
    const cadenya = seedExample(SEEDS.cadenya) as { metadata: Record<string, unknown> };
    expect(cadenya.metadata).toMatchObject({ id: 'id', workspaceId: 'workspaceId' });
    expect(Object.keys(cadenya).sort()).toEqual(['info', 'metadata', 'spec']);
    scenario.upload.id = 'changed';
    expect(seedExample(SEEDS.scenario)).toMatchObject({ upload: { id: 'id' } });
    expect(seedDocument(SEEDS.scenario)).toMatch(/^## Retrieve `uploads\.retrieve/);
  });

  it('points at the Cadenya document by URL and by path', () => {
    expect(cadenyaPublicSpecUrl.protocol).toBe('file:');
    const doc = parse(readFileSync(cadenyaPublicSpecPath, 'utf8')) as {
      openapi: string;
      info: { title: string };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Cadenya API');
  });
});
