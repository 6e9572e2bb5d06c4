import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '@upkit/core-http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseResumeToken, type ResumeToken } from '../resume/resume-token.js';
import { createFileTokenStore } from './file-token-store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'upkit-tokens-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const token: ResumeToken = {
  version: 1,
  target: 'cadenya',
  uploadId: 'upl_1',
  scope: { workspaceId: 'ws_1' },
  partSize: 100,
  partCount: 1,
  contentType: 'application/pdf',
  parts: [],
  fingerprint: { size: 100, name: 'a.pdf', head: 'h', tail: 't' },
  createdAt: '2026-12-04T00:00:00.000Z',
};

describe('createFileTokenStore', () => {
  it('keeps one JSON file per key, made with the folder on first write, readable as a token', async () => {
    const store = createFileTokenStore(join(dir, 'state'));
    expect(await store.get('cadenya-abc')).toBeUndefined();
    await store.set('cadenya-abc', token);
    expect(await readdir(join(dir, 'state'))).toEqual(['cadenya-abc.json']);
    expect(parseResumeToken(await store.get('cadenya-abc'))).toEqual(token);
    expect((await stat(store.pathOf('cadenya-abc'))).mode & 0o777).toBe(0o600);
    await store.delete('cadenya-abc');
    await store.delete('cadenya-abc');
    expect(await readdir(join(dir, 'state'))).toEqual([]);
  });

  it('replaces a token whole, through a temporary file that does not stay behind', async () => {
    const store = createFileTokenStore(dir);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.set('k', { ...token, uploadId: `upl_${i}` })),
    );
    expect(await readdir(dir)).toEqual(['k.json']);
    // Whichever write landed last, the file is one whole token.
    expect(parseResumeToken(await readFile(join(dir, 'k.json'), 'utf8')).uploadId).toMatch(
      /^upl_\d+$/,
    );
  });

  it('refuses a key that could leave the folder', async () => {
    const store = createFileTokenStore(dir);
    for (const key of ['../x', 'a/b', '', '.hidden']) {
      await expect(store.set(key, token)).rejects.toThrow(ConfigurationError);
    }
    expect(() => store.pathOf('../x')).toThrow(/file-name safe/);
  });

  it('holds no credential and no URL', async () => {
    const store = createFileTokenStore(dir);
    await store.set('k', token);
    const text = await readFile(join(dir, 'k.json'), 'utf8');
    expect(text).not.toMatch(/https?:|signature|apiKey|secret|authorization/i);
  });
});
