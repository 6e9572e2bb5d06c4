import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.js';
import { startSandbox } from '../sandbox.js';
import { cadenyaCall, inspect, send } from '../testing/http.js';
import type { TestApp } from '../testing/test-app.js';
import { createCadenyaUpload, workspacePath } from '../testing/uploads.js';
import { useTestApp, useTestSandbox } from '../testing/use-test-sandbox.js';

// The Cadenya API reads bodies with grpc-gateway's protojson (unknown fields dropped, proto names
// and int64 numbers accepted). By default the sandbox does too, and says so; strict mode refuses.
// In-process (`app.request()`), but for the defaults of a listening sandbox.

const start = useTestApp();
const startListening = useTestSandbox();

const lenient = () => start({ strict: false });
const strict = () => start({ strict: true });

const CONTENT = 'x'.repeat(2200);

/** A body a client written against protojson (not against the document) may well send. */
const protojsonBody = {
  metadata: { name: 'notes.md', external_id: 'kb-1', labels: { team: 'support' } },
  spec: { filename: 'notes.md', content_type: 'text/markdown', sizeBytes: 2200, extra: true },
  extra: 'top level',
};

const uploadsPath = (t: TestApp) => `${workspacePath(t.sandbox)}/uploads`;

const createUpload = (t: TestApp, body: unknown) =>
  cadenyaCall(t.sandbox, 'POST', uploadsPath(t), { body });

async function apiLog(t: TestApp) {
  const { requests } = (await inspect(t.sandbox, 'GET', '/requests')).body;
  return (requests as { routeClass: string; warnings?: string[] }[]).filter(
    (r) => r.routeClass === 'api',
  );
}

const EXPECTED_WARNINGS = [
  'proto field name metadata.external_id accepted for metadata.externalId',
  'proto field name spec.content_type accepted for spec.contentType',
  'int64 field spec.sizeBytes given as a JSON number',
  'unknown field spec.extra: a real server drops it',
  'unknown field extra: a real server drops it',
];

describe('Cadenya bodies, by default: read as protojson reads them', () => {
  it('creates the upload from proto names, a JSON-number int64 and unknown fields, and records each leniency', async () => {
    const t = await lenient();
    const created = await createUpload(t, protojsonBody);
    expect(created.status).toBe(200);
    expect(created.body.metadata).toMatchObject({ name: 'notes.md', externalId: 'kb-1' });
    expect(created.body.spec).toEqual({
      filename: 'notes.md',
      contentType: 'text/markdown',
      sizeBytes: '2200',
    });
    expect(JSON.stringify(created.body)).not.toContain('extra');

    // The stored upload is the canonical one: the retrieve answers it, and storage signs its size.
    const id = created.body.metadata.id;
    const read = await cadenyaCall(t.sandbox, 'GET', `${uploadsPath(t)}/${id}`);
    expect(read.body.spec).toEqual(created.body.spec);
    expect(read.body.metadata.externalId).toBe('kb-1');
    const put = await send(t.sandbox, created.body.info.uploadUrl, {
      headers: { 'content-type': 'text/markdown', 'content-length': 2200 },
      body: CONTENT,
    });
    expect(put.status).toBe(200);

    const [entry] = await apiLog(t);
    expect(entry?.warnings).toEqual(EXPECTED_WARNINGS);
  });

  it('logs each distinct warning once per sandbox, while every request records its own', async () => {
    const t = await lenient();
    await createUpload(t, protojsonBody);
    await createUpload(t, protojsonBody);
    await createUpload(t, { ...protojsonBody, spec: { ...protojsonBody.spec, other: 1 } });
    const warned = t.logger.lines.filter((l) => l.level === 'warn').map((l) => l.message);
    expect(warned).toHaveLength(EXPECTED_WARNINGS.length + 1);
    for (const warning of [
      ...EXPECTED_WARNINGS,
      'unknown field spec.other: a real server drops it',
    ]) {
      expect(warned.filter((line) => line.includes(warning))).toHaveLength(1);
    }
    expect(warned[0]).toMatch(
      /^POST \/cadenya\/v1\/workspaces\/workspace_\w+\/uploads: accepted as the real service would, /,
    );
    const log = await apiLog(t);
    expect(log.map((entry) => entry.warnings?.length)).toEqual([5, 5, 6]);
  });

  it('records nothing for a body in the exact wire format', async () => {
    const t = await lenient();
    const created = await createCadenyaUpload(t.sandbox);
    expect(created.status).toBe(200);
    const [entry] = await apiLog(t);
    expect(entry).not.toHaveProperty('warnings');
    expect(t.logger.lines.filter((l) => l.level === 'warn')).toEqual([]);
  });

  it('treats null as not set: an optional field is defaulted, a required one is missing', async () => {
    const t = await lenient();
    const created = await createCadenyaUpload(
      t.sandbox,
      {},
      { name: 'n', externalId: null, labels: null },
    );
    expect(created.status).toBe(200);
    expect(created.body.metadata).toMatchObject({ externalId: '', labels: {} });
    const missing = await createCadenyaUpload(t.sandbox, { contentType: null });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 3, details: [] });
    expect(missing.body.message).toMatch(/^invalid request: spec\.contentType: /);
    const log = await apiLog(t);
    expect(log[1]?.warnings).toEqual([
      'null for spec.contentType: a real server treats it as not set',
    ]);
  });

  it.each([
    [
      'a field under both names',
      { size_bytes: '2200', sizeBytes: '2200' },
      'invalid request: duplicate field spec.sizeBytes: given as "size_bytes" and as "sizeBytes"',
    ],
    [
      'a fractional int64',
      { sizeBytes: 22.5 },
      'invalid request: invalid value for int64 field spec.sizeBytes: 22.5 is not an integer',
    ],
    [
      'an int64 out of range',
      { sizeBytes: 1e19 },
      'invalid request: invalid value for int64 field spec.sizeBytes: 10000000000000000000 is out of range',
    ],
    [
      'a non-numeric int64',
      { sizeBytes: 'lots' },
      'invalid request: invalid value for int64 field spec.sizeBytes: "lots"',
    ],
  ])('refuses %s with INVALID_ARGUMENT, as protojson does', async (_name, size, message) => {
    const t = await lenient();
    const { sizeBytes: _, ...spec } = protojsonBody.spec;
    const res = await createUpload(t, { metadata: { name: 'n' }, spec: { ...spec, ...size } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 3, message, details: [] });
  });

  it('still applies its own checks to the normalised value (sizeBytes from 1 to 5 GiB)', async () => {
    const t = await lenient();
    const res = await createCadenyaUpload(t.sandbox, { sizeBytes: 0 });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^invalid spec\.sizeBytes: must be a decimal integer/);
  });

  it('reads a memory-entry body the same way, within the branch its type selects', async () => {
    const t = await lenient();
    const path = `${workspacePath(t.sandbox)}/memory_layers/external_id:kb/entries`;
    const res = await cadenyaCall(t.sandbox, 'POST', path, {
      body: {
        metadata: { name: 'Inline', labels: { a: 'b' }, extra: 1 },
        spec: { type: 'content', content: 'hello', key: 'a/b', description: null, upload_id: 'u' },
        memory_layer_id: 'ignored',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.content).toBe('hello');
    expect(res.body.spec).toEqual({ key: 'a/b', description: '' });
    const [entry] = await apiLog(t);
    expect(entry?.warnings).toEqual([
      'unknown field metadata.extra: a real server drops it',
      'null for spec.description: a real server treats it as not set',
      'unknown field spec.upload_id: a real server drops it',
      'unknown field memory_layer_id: a real server drops it',
    ]);
  });
});

describe('Cadenya bodies in strict mode: the exact wire format', () => {
  it.each([
    ['an unknown top-level field', { extra: 1 }, /Unrecognized key: "extra"/],
    ['an unknown spec field', { spec: { extra: 1 } }, /spec: Unrecognized key: "extra"/],
    ['a proto field name', { spec: { size_bytes: '2200' } }, /spec: Unrecognized key/],
    ['a JSON-number int64', { spec: { sizeBytes: 2200 } }, /spec\.sizeBytes: .*expected string/],
  ])(
    'refuses %s with INVALID_ARGUMENT, saying the real service would accept it',
    async (_name, change, pattern) => {
      const t = await strict();
      const base = {
        metadata: { name: 'n' },
        spec: { filename: 'f', contentType: 'text/plain', sizeBytes: '2200' },
      };
      const { spec: specChange, ...topChange } = change as { spec?: Record<string, unknown> };
      const spec: Record<string, unknown> = { ...base.spec, ...specChange };
      if ('size_bytes' in spec) delete spec['sizeBytes'];
      const res = await createUpload(t, { ...base, ...topChange, spec });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 3, details: [] });
      expect(res.body.message).toMatch(/^invalid request: /);
      expect(res.body.message).toMatch(pattern);
      expect(res.body.message).toMatch(/\(strict mode; the real service accepts this body: .+\)$/);
      // Nothing was let pass: no warning recorded, none logged.
      const [entry] = await apiLog(t);
      expect(entry).not.toHaveProperty('warnings');
      expect(t.logger.lines.filter((l) => l.level === 'warn')).toEqual([]);
    },
  );

  it('does not claim the real service would accept what protojson refuses too', async () => {
    const t = await strict();
    const res = await createCadenyaUpload(t.sandbox, { sizeBytes: 1.5 });
    expect(res.status).toBe(400);
    expect(res.body.message).not.toContain('strict mode');
  });

  it('accepts the exact wire format, and the inspection index reports the mode', async () => {
    const t = await strict();
    const res = await createCadenyaUpload(
      t.sandbox,
      {},
      { name: 'n', externalId: 'e', labels: { a: 'b' } },
    );
    expect(res.status).toBe(200);
    expect(t.sandbox.strict).toBe(true);
    expect((await inspect(t.sandbox, 'GET', '')).body.strict).toBe(true);
  });
});

describe('the mode', () => {
  it('is lenient unless asked', async () => {
    const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, logger: silentLogger });
    try {
      expect(sandbox.strict).toBe(false);
      expect((await inspect(sandbox, 'GET', '')).body.strict).toBe(false);
    } finally {
      await sandbox.close();
    }
  });

  it('is strict in startTestSandbox, which the sandbox tests use', async () => {
    const t = await startListening();
    expect(t.sandbox.strict).toBe(true);
  });
});
