import { describe, expect, it } from 'vitest';
import { createNodeHasher } from '../node/node-hasher.js';
import type { SourceFingerprint } from './fingerprint.js';
import type { ResumeToken } from './resume-token.js';
import { memoryTokenStore, resumeKey, tokenWriter, type ResumeTokenStore } from './token-store.js';

const fingerprint: SourceFingerprint = { size: 10, name: 'a.glb', head: 'h', tail: 't' };
const token = (parts: number): ResumeToken => ({
  version: 1,
  target: 'scenario',
  uploadId: 'u1',
  partSize: 5,
  partCount: 2,
  contentType: 'model/gltf-binary',
  parts: Array.from({ length: parts }, (_, i) => ({ number: i + 1, size: 5 })),
  fingerprint,
  createdAt: '2026-12-04T00:00:00.000Z',
});

describe('resumeKey', () => {
  it('is file-name safe and differs by target, place and file', () => {
    const key = resumeKey('scenario', undefined, fingerprint, createNodeHasher);
    expect(key).toMatch(/^scenario-[0-9a-f]{32}$/);
    expect(resumeKey('scenario', undefined, fingerprint, createNodeHasher)).toBe(key);
    const others = [
      resumeKey('cadenya', undefined, fingerprint, createNodeHasher),
      resumeKey('scenario', { projectId: 'p2' }, fingerprint, createNodeHasher),
      resumeKey('scenario', undefined, { ...fingerprint, lastModified: 1 }, createNodeHasher),
      resumeKey('scenario', undefined, { ...fingerprint, head: 'other' }, createNodeHasher),
    ];
    expect(new Set([key, ...others]).size).toBe(5);
  });
});

describe('tokenWriter', () => {
  it('coalesces: while one write is under way only the newest token waits', async () => {
    const writes: number[] = [];
    let release: (() => void) | undefined;
    const store: ResumeTokenStore = {
      get: () => undefined,
      set: (_key, t) =>
        new Promise<void>((resolve) => {
          writes.push(t.parts.length);
          release = resolve;
        }),
      delete: () => undefined,
    };
    const writer = tokenWriter(store, 'k', () => undefined);
    const tick = () => new Promise((r) => setImmediate(r));
    writer.save(token(0));
    writer.save(token(1));
    await tick();
    expect(writes).toEqual([1]);
    // The write of 1 is under way: 2 and 3 arrive, and only 3 is written after it.
    writer.save(token(2));
    writer.save(token(3));
    release!();
    await tick();
    expect(writes).toEqual([1, 3]);
    const flushed = writer.flush();
    release!();
    await flushed;
    expect(writes).toEqual([1, 3]);
  });

  it('hands a failing store’s error to onError, and keeps going with later tokens', async () => {
    const errors: unknown[] = [];
    const saved = memoryTokenStore();
    let fail = true;
    const store: ResumeTokenStore = {
      get: (k) => saved.get(k),
      set: (k, t) => {
        if (fail) throw new Error('disk full');
        return saved.set(k, t);
      },
      delete: () => {
        throw new Error('read-only');
      },
    };
    const writer = tokenWriter(store, 'k', (e) => errors.push(e));
    writer.save(token(1));
    await writer.flush();
    fail = false;
    writer.save(token(2));
    await writer.flush();
    expect(JSON.parse(saved.get('k') as string).parts).toHaveLength(2);
    await writer.remove();
    expect(errors.map((e) => (e as Error).message)).toEqual(['disk full', 'read-only']);
  });
});
