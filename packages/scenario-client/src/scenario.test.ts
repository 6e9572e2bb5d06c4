import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigurationError, ResponseValidationError, Scenario } from './index.js';

const upload = {
  id: 'upload_1',
  authorId: 'a',
  createdAt: '2025-06-30T15:15:27.153Z',
  fileName: 'f.png',
  kind: 'image',
  ownerId: 'o',
  source: 'url',
  status: 'validating',
  updatedAt: '2025-06-30T15:15:27.153Z',
};

describe('new Scenario(): options, environment and auth precedence', () => {
  let server: Server;
  let baseURL: string;
  let seen: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' });
        if (req.url?.includes('broken')) res.end(JSON.stringify({ upload: { id: 1 } }));
        else if (req.url?.includes('newer')) {
          res.end(JSON.stringify({ upload: { ...upload, status: 'archived', extra: { a: 1 } } }));
        } else res.end(JSON.stringify({ upload }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    seen = [];
    vi.stubEnv('SCENARIO_SDK_API_KEY', '');
    vi.stubEnv('SCENARIO_SDK_API_SECRET', '');
    vi.stubEnv('SCENARIO_BASE_URL', '');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  const basic = (key: string, secret: string): string =>
    `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;

  async function authorizationOf(client: Scenario): Promise<string | undefined> {
    await client.uploads.retrieve('upload_1');
    return seen.at(-1)?.headers.authorization;
  }

  it('reads key and secret from the environment (Basic)', async () => {
    vi.stubEnv('SCENARIO_SDK_API_KEY', 'env-key');
    vi.stubEnv('SCENARIO_SDK_API_SECRET', 'env-secret');
    expect(await authorizationOf(new Scenario({ baseURL }))).toBe(basic('env-key', 'env-secret'));
  });

  it('an explicit bearerToken beats key and secret in the environment', async () => {
    vi.stubEnv('SCENARIO_SDK_API_KEY', 'env-key');
    vi.stubEnv('SCENARIO_SDK_API_SECRET', 'env-secret');
    const client = new Scenario({ baseURL, bearerToken: 'tok' });
    expect(await authorizationOf(client)).toBe('Bearer tok');
  });

  it('explicit apiKey/apiSecret mean Basic, and beat the environment', async () => {
    vi.stubEnv('SCENARIO_SDK_API_KEY', 'env-key');
    vi.stubEnv('SCENARIO_SDK_API_SECRET', 'env-secret');
    const client = new Scenario({ baseURL, apiKey: 'k', apiSecret: 's' });
    expect(await authorizationOf(client)).toBe(basic('k', 's'));
    const keyOnly = new Scenario({ baseURL, apiKey: 'k' });
    expect(await authorizationOf(keyOnly)).toBe(basic('k', 'env-secret'));
  });

  it('refuses bearerToken together with apiKey/apiSecret', () => {
    expect(() => new Scenario({ baseURL, bearerToken: 't', apiKey: 'k', apiSecret: 's' })).toThrow(
      ConfigurationError,
    );
    expect(() => new Scenario({ baseURL, bearerToken: 't', apiSecret: 's' })).toThrow(
      /either bearerToken or apiKey/,
    );
  });

  it('says how to provide missing or blank credentials', () => {
    expect(() => new Scenario({ baseURL })).toThrow(/SCENARIO_SDK_API_KEY/);
    expect(() => new Scenario({ baseURL, apiKey: 'k' })).toThrow(/SCENARIO_SDK_API_SECRET/);
    expect(() => new Scenario({ baseURL, apiKey: ' ', apiSecret: 's' })).toThrow(/blank/);
    expect(() => new Scenario({ baseURL, bearerToken: '' })).toThrow(/blank/);
  });

  it('takes the base URL from the option, else SCENARIO_BASE_URL', async () => {
    vi.stubEnv('SCENARIO_BASE_URL', baseURL);
    const client = new Scenario({ apiKey: 'k', apiSecret: 's' });
    await client.uploads.retrieve('upload_1');
    expect(seen.at(-1)?.url).toBe('/v1/uploads/upload_1');
    vi.stubEnv('SCENARIO_BASE_URL', 'http://127.0.0.1:1/nowhere');
    const explicit = new Scenario({ baseURL, apiKey: 'k', apiSecret: 's', maxRetries: 0 });
    await explicit.uploads.retrieve('upload_1');
    expect(seen).toHaveLength(2);
  });

  it('sends the client projectId as the query default; a call may override it', async () => {
    const client = new Scenario({ baseURL, apiKey: 'k', apiSecret: 's', projectId: 'proj_a' });
    await client.uploads.retrieve('upload 1/x');
    expect(seen.at(-1)?.url).toBe('/v1/uploads/upload%201%2Fx?projectId=proj_a');
    await client.uploads.complete('upload_1', { projectId: 'proj_b' });
    expect(seen.at(-1)?.url).toBe('/v1/uploads/upload_1/action?projectId=proj_b');
    expect(seen.at(-1)?.body).toBe('{"action":"complete"}');
    // The vendor's shape: the body's fields and projectId in one object, split at call time.
    await client.uploads.create({ url: 'https://x.org/a.png', kind: 'image', projectId: 'proj_c' });
    expect(seen.at(-1)?.url).toBe('/v1/uploads?projectId=proj_c');
    expect(JSON.parse(seen.at(-1)?.body ?? '')).toEqual({
      url: 'https://x.org/a.png',
      kind: 'image',
    });
    await client.uploads.triggerAction('upload_1', { action: 'complete' });
    expect(seen.at(-1)?.url).toBe('/v1/uploads/upload_1/action?projectId=proj_a');
    const noProject = new Scenario({ baseURL, apiKey: 'k', apiSecret: 's' });
    await noProject.uploads.retrieve('upload_1');
    expect(seen.at(-1)?.url).toBe('/v1/uploads/upload_1');
  });

  it('identifies itself and passes per-call headers', async () => {
    const client = new Scenario({
      baseURL,
      apiKey: 'k',
      apiSecret: 's',
      defaultHeaders: { 'x-a': '1' },
    });
    await client.uploads.retrieve('upload_1', {}, { headers: { 'x-b': '2' } });
    const headers = seen.at(-1)?.headers;
    expect(headers?.['user-agent']).toMatch(/^@upkit\/scenario-client\/\S+ @upkit\/core-http\//);
    expect(headers).toMatchObject({ 'x-a': '1', 'x-b': '2' });
  });

  it('never shows its credentials', () => {
    const client = new Scenario({ baseURL, apiKey: 'key-123', apiSecret: 'secret-456' });
    const shown = JSON.stringify(client) + String(client);
    expect(shown).not.toContain('key-123');
    expect(shown).not.toContain('secret-456');
  });

  it('validates responses: the seed shape passes, unknown fields and enum values are kept', async () => {
    const client = new Scenario({ baseURL, apiKey: 'k', apiSecret: 's' });
    expect((await client.uploads.retrieve('upload_1')).upload).toEqual(upload);
    const newer = await client.uploads.retrieve('newer');
    expect(newer.upload.status).toBe('archived');
    expect(newer.upload).toHaveProperty('extra', { a: 1 });
    const error = await client.uploads.retrieve('broken').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
  });
});
