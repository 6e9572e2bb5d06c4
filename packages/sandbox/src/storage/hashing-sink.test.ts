import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { HEAD_BYTES, receiveBody } from './hashing-sink.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'upkit-sink-'));
  dirs.push(dir);
  return join(dir, 'body');
}

/** `bytes` in chunks of 64 KiB, as a socket delivers them. */
const chunked = (bytes: Buffer, size = 64 * 1024) =>
  Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    })(),
  );

const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

describe('receiveBody', () => {
  it('stores a small body, with its size, MD5 and first bytes (hashed on the main thread)', async () => {
    const body = randomBytes(1000);
    const file = await tempFile();
    const received = await receiveBody(chunked(body, 100), file);
    expect(received).toEqual({
      file,
      size: 1000,
      md5: md5(body),
      head: body.subarray(0, HEAD_BYTES),
    });
    expect((await readFile(file)).equals(body)).toBe(true);
  });

  it('stores a body of several batches, its MD5 computed on a worker thread', async () => {
    const body = randomBytes(5 * 1024 * 1024 + 12_345);
    const file = await tempFile();
    const received = await receiveBody(chunked(body), file);
    expect(received.size).toBe(body.length);
    expect(received.md5).toBe(md5(body));
    expect(received.head.equals(body.subarray(0, HEAD_BYTES))).toBe(true);
    expect((await readFile(file)).equals(body)).toBe(true);
  });

  it('keeps bodies received at the same time apart (the worker pool hashes each on its own)', async () => {
    const bodies = Array.from({ length: 6 }, (_, i) => randomBytes(2 * 1024 * 1024 + i * 777));
    const received = await Promise.all(
      bodies.map(async (body) => receiveBody(chunked(body, 32 * 1024), await tempFile())),
    );
    expect(received.map((r) => r.md5)).toEqual(bodies.map(md5));
    expect(received.map((r) => r.size)).toEqual(bodies.map((b) => b.length));
  });

  it('discards the bytes when given no file, and still counts and hashes them', async () => {
    const body = randomBytes(3 * 1024 * 1024);
    const received = await receiveBody(chunked(body), undefined);
    expect(received).toMatchObject({ file: undefined, size: body.length, md5: md5(body) });
    expect(received.head.equals(body.subarray(0, HEAD_BYTES))).toBe(true);
  });

  it('keeps a head shorter than HEAD_BYTES whole when the body is shorter', async () => {
    const received = await receiveBody(Readable.from([Buffer.from('abc')]), undefined);
    expect(received.head.toString()).toBe('abc');
    expect(received.md5).toBe(md5(Buffer.from('abc')));
  });

  it('rejects when the body breaks off, and the next body is hashed as usual', async () => {
    const part = randomBytes(2 * 1024 * 1024);
    const broken = Readable.from(
      (async function* () {
        yield part;
        yield part;
        throw new Error('socket reset');
      })(),
    );
    await expect(receiveBody(broken, await tempFile())).rejects.toThrow('socket reset');
    const body = randomBytes(2 * 1024 * 1024);
    expect((await receiveBody(chunked(body), undefined)).md5).toBe(md5(body));
  });

  it('rejects when aborted', async () => {
    const controller = new AbortController();
    const endless = new Readable({ read() {} });
    endless.push(randomBytes(1024 * 1024 + 1));
    const receiving = receiveBody(endless, await tempFile(), { signal: controller.signal });
    controller.abort();
    await expect(receiving).rejects.toThrow(/abort/i);
  });
});

describe('the MD5 workers and the process', () => {
  it('hold the process only while a body is being hashed: it ends on its own afterwards', async () => {
    // The exit code tells both halves: 13 is an await left unsettled because the worker let go
    // too early; a worker that never lets go makes the child outlive the test's timeout.
    const script = [
      "import { Readable } from 'node:stream';",
      "import { receiveBody } from './src/storage/hashing-sink.ts';",
      'const body = Readable.from([Buffer.alloc(3 * 1024 * 1024, 1)]);',
      'const { md5 } = await receiveBody(body, undefined);',
      'process.stdout.write(md5);',
    ].join('\n');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script],
      {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_OPTIONS: '' },
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toBe(md5(Buffer.alloc(3 * 1024 * 1024, 1)));
  }, 60_000);
});
