import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDataDir, openDataDir } from '../persistence/data-dir.js';
import type { DataDir } from '../persistence/data-dir.js';
import { StateStore } from '../persistence/state-store.js';
import { ObjectStore } from './object-store.js';
import type { ObjectStoreOptions } from './object-store.js';

const opened: DataDir[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((dir) => closeDataDir(dir)));
});

async function openStore(options: ObjectStoreOptions = {}) {
  const dir = await openDataDir(undefined);
  opened.push(dir);
  const state = await StateStore.open(dir.stateFile);
  const objects = new ObjectStore(dir, state, () => Date.UTC(2025, 0, 1), options);
  const receive = (text: string) => objects.receive(Readable.from([Buffer.from(text)]));
  return { dir, objects, receive };
}

const check = { partsCount: 2, minPartSize: 1, totalSize: 20 };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('ObjectStore multipart uploads', () => {
  it('counts a part whose write is under way when the upload is completed', async () => {
    const { dir, objects, receive } = await openStore();
    const upload = objects.createMultipartUpload('scenario-uploads', 'k', 'text/plain');
    await objects.putPart(upload, 1, await receive('0123456789'));
    const second = await receive('abcdefghij');
    // Started first, not awaited: the part is being moved into place when the complete comes.
    const writing = objects.putPart(upload, 2, second);
    const completing = objects.completeMultipartUpload(upload, check);
    const [part, result] = await Promise.all([writing, completing]);
    expect(part).toMatchObject({ partNumber: 2, size: 10 });
    expect(result).toMatchObject({ ok: true, object: { size: 20 } });
    const object = objects.getObject('scenario-uploads', 'k')!;
    expect(await objects.sha256(object)).toBe(sha256('0123456789abcdefghij'));
    expect((await objects.readAll(object)).toString()).toBe('0123456789abcdefghij');
    expect(await readdir(dir.parts)).toEqual([]);
    expect(await readdir(dir.tmp)).toEqual([]);
  });

  it('refuses a part once the upload is completed, and drops its body', async () => {
    const { dir, objects, receive } = await openStore();
    const upload = objects.createMultipartUpload('scenario-uploads', 'k', 'text/plain');
    await objects.putPart(upload, 1, await receive('0123456789'));
    const second = await receive('abcdefghij');
    const completing = objects.completeMultipartUpload(upload, check);
    expect(await objects.putPart(upload, 2, second)).toBeUndefined();
    expect(await completing).toEqual({
      ok: false,
      message: 'Upload incomplete: part 2 of 2 was never uploaded.',
    });
    expect(await readdir(dir.parts)).toEqual([]);
    expect(await readdir(dir.tmp)).toEqual([]);
  });
});

describe('ObjectStore objects', () => {
  it('names object files by a hash of bucket and key, never by the key', async () => {
    const { dir, objects, receive } = await openStore();
    const key = `deep/${'k'.repeat(1000)}`;
    const object = await objects.putObject('b', key, 'text/plain', await receive('x'));
    expect(object.key).toBe(key);
    const hash = createHash('sha256').update(`b/${key}`).digest('hex');
    expect(object.file).toBe(`${hash.slice(0, 2)}/${hash}`);
    expect(await readdir(dir.objects)).toEqual([hash.slice(0, 2)]);
    expect((await readFile(objects.objectPath(object))).toString()).toBe('x');
  });

  it('with discard, completes from the records of its parts alone: size, head, no bytes', async () => {
    const { dir, objects, receive } = await openStore({ discard: true });
    expect(objects.discardsBytes).toBe(true);
    const upload = objects.createMultipartUpload('scenario-uploads', 'k', 'text/plain');
    await objects.putPart(upload, 1, await receive('0123456789'));
    await objects.putPart(upload, 2, await receive('abcdefghij'));
    const result = await objects.completeMultipartUpload(upload, check);
    expect(result).toMatchObject({ ok: true, object: { size: 20, discarded: true } });
    const object = objects.getObject('scenario-uploads', 'k')!;
    expect((await objects.readHead(object, 4)).toString()).toBe('0123');
    expect(await objects.sha256(object)).toBeUndefined();
    await expect(objects.readAll(object)).rejects.toThrow(/discardObjects/);
    expect(await readdir(dir.parts)).toEqual([]);
    expect(await readdir(dir.tmp)).toEqual([]);
  });
});
