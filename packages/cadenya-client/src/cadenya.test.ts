import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  Cadenya,
  ConfigurationError,
  InvalidSizeBytesError,
  RequestValidationError,
} from './index.js';

const upload = {
  metadata: {
    id: 'upload_1',
    accountId: 'acct_1',
    workspaceId: 'ws',
    name: 'n',
    externalId: '',
    labels: {},
    profileId: 'prof_1',
    createdAt: '2025-06-30T15:15:27.153Z',
  },
  spec: { filename: 'a.txt', contentType: 'text/plain', sizeBytes: '3' },
  info: { uploadUrl: 'http://127.0.0.1:1/storage/x', status: 'UPLOAD_STATUS_PENDING' },
};

describe('new Cadenya(): options, environment and workspace defaults', () => {
  let server: Server;
  let baseURL: string;
  let seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(upload));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    seen = [];
    vi.stubEnv('CADENYA_API_KEY', '');
    vi.stubEnv('CADENYA_BASE_URL', '');
    vi.stubEnv('CADENYA_WORKSPACE_ID', '');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('reads the key, base URL and workspace from the environment', async () => {
    vi.stubEnv('CADENYA_API_KEY', 'env-key');
    vi.stubEnv('CADENYA_BASE_URL', baseURL);
    vi.stubEnv('CADENYA_WORKSPACE_ID', 'ws_env');
    const client = new Cadenya();
    expect(client.workspaceId).toBe('ws_env');
    const got = await client.uploads.retrieve('upload_1');
    expect(got.metadata.id).toBe('upload_1');
    expect(seen[0]?.url).toBe('/v1/workspaces/ws_env/uploads/upload_1');
    expect(seen[0]?.headers.authorization).toBe('Bearer env-key');
    expect(seen[0]?.headers['user-agent']).toMatch(/^@upkit\/cadenya-client\//);
  });

  it('prefers the call, then the client, then the environment for workspaceId', async () => {
    vi.stubEnv('CADENYA_WORKSPACE_ID', 'ws_env');
    const client = new Cadenya({ baseURL, apiKey: 'k', workspaceId: 'ws_client' });
    await client.uploads.retrieve('u/1');
    await client.uploads.retrieve('u', { workspaceId: 'ws call' });
    expect(seen.map((r) => r.url)).toEqual([
      '/v1/workspaces/ws_client/uploads/u%2F1',
      '/v1/workspaces/ws%20call/uploads/u',
    ]);
    expect(seen[0]?.headers.authorization).toBe('Bearer k');
  });

  it('takes workspaceId from create’s one params object, out of the body', async () => {
    const client = new Cadenya({ baseURL, apiKey: 'k', workspaceId: 'ws_client' });
    const spec = { filename: 'a.txt', contentType: 'text/plain', sizeBytes: 3 };
    await client.uploads.create({ metadata: { name: 'n' }, spec, workspaceId: 'ws_call' });
    await client.uploads.create({ metadata: { name: 'n' }, spec });
    await client.memoryLayers.entries
      .create('memlyr_1', {
        metadata: { name: 'n' },
        spec: { type: 'content', key: 'k', content: 'c' },
        workspaceId: 'ws_call',
      })
      .catch(() => undefined); // the stub answers with an upload, which is no memory entry
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /v1/workspaces/ws_call/uploads',
      'POST /v1/workspaces/ws_client/uploads',
      'POST /v1/workspaces/ws_call/memory_layers/memlyr_1/entries',
    ]);
    expect(JSON.parse(seen[0]!.body)).toEqual({
      metadata: { name: 'n' },
      spec: { ...spec, sizeBytes: '3' },
    });
    expect(JSON.parse(seen[2]!.body)).not.toHaveProperty('workspaceId');
  });

  it('without any workspaceId fails before sending, saying how to set it', async () => {
    const client = new Cadenya({ baseURL, apiKey: 'k' });
    const error = await client.uploads.retrieve('upload_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/CADENYA_WORKSPACE_ID/);
    expect((error as Error).message).toMatch(/workspaceId/);
    const entry = await client.memoryLayers.entries
      .create('memlyr_1', {
        metadata: { name: 'n' },
        spec: { type: 'content', key: 'k', content: 'c' },
      })
      .catch((e: unknown) => e);
    expect(entry).toBeInstanceOf(ConfigurationError);
    const created = await client.uploads
      .create({
        metadata: { name: 'n' },
        spec: { filename: 'a.txt', contentType: 'text/plain', sizeBytes: 3 },
      })
      .catch((e: unknown) => e);
    expect(created).toBeInstanceOf(ConfigurationError);
    expect((created as ConfigurationError).option).toBe('workspaceId');
    expect((created as Error).message).toMatch(/^UploadService_CreateUpload: missing workspaceId/);
    expect(seen).toEqual([]);
  });

  it('needs an API key, and refuses blank options', () => {
    expect(() => new Cadenya({ baseURL })).toThrow(/CADENYA_API_KEY/);
    expect(() => new Cadenya({ baseURL, apiKey: '' })).toThrow(ConfigurationError);
    expect(() => new Cadenya({ baseURL, apiKey: 'k', workspaceId: ' ' })).toThrow(/blank/);
  });

  it('sends sizeBytes as a string, from a number, a bigint or a string', async () => {
    const client = new Cadenya({ baseURL, apiKey: 'k', workspaceId: 'ws' });
    for (const sizeBytes of [3, 3n, '3', 2n ** 60n]) {
      await client.uploads.create({
        metadata: { name: 'n' },
        spec: { filename: 'a.txt', contentType: 'text/plain', sizeBytes },
      });
    }
    expect(
      seen.map((r) => (JSON.parse(r.body) as { spec: { sizeBytes: unknown } }).spec.sizeBytes),
    ).toEqual(['3', '3', '3', '1152921504606846976']);
    expect(seen[0]?.method).toBe('POST');
  });

  it('rejects a negative, fractional or unsafe sizeBytes with a typed error, sending nothing', async () => {
    const client = new Cadenya({ baseURL, apiKey: 'k', workspaceId: 'ws' });
    for (const sizeBytes of [-1, 1.5, 2 ** 53, Number.NaN, -1n, '-1', '1e3', '']) {
      const error = await client.uploads
        .create({ metadata: { name: 'n' }, spec: { filename: 'a', contentType: 't/p', sizeBytes } })
        .catch((e: unknown) => e);
      expect(error, String(sizeBytes)).toBeInstanceOf(InvalidSizeBytesError);
      expect(error).toBeInstanceOf(RequestValidationError);
    }
    expect(seen).toEqual([]);
  });

  it('never shows its API key', () => {
    const client = new Cadenya({ baseURL, apiKey: 'key-123', workspaceId: 'ws' });
    expect(JSON.stringify(client) + String(client)).not.toContain('key-123');
  });
});
