import { describe, expect, it } from 'vitest';
import { loadOpenApi } from '../testing/openapi-strict.js';
import { normalizeProtoJson } from './protojson-normalize.js';
import type { JsonSchema } from './protojson-normalize.js';

/** A message, as zod's `toJSONSchema()` writes one: an object of exactly these properties. */
const message = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  properties,
});

/** The shape of `CreateUploadRequest`, as zod's `toJSONSchema()` writes it, with the int64 mark. */
const CREATE_UPLOAD = message({
  metadata: message({
    name: { type: 'string' },
    externalId: { type: 'string' },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
  }),
  spec: message({
    filename: { type: 'string' },
    contentType: { type: 'string' },
    sizeBytes: { type: 'string', format: 'int64' },
  }),
});

const canonical = {
  metadata: { name: 'a.md', externalId: 'kb-1', labels: { team: 'support' } },
  spec: { filename: 'a.md', contentType: 'text/markdown', sizeBytes: '2200' },
};

/** What `normalizeProtoJson` answers for a body it accepts. */
const accepted = (value: unknown, warnings: string[]) => ({ ok: true, value, warnings });

describe('normalizeProtoJson', () => {
  it('leaves a body in the exact wire format as it is, without warnings', () => {
    expect(normalizeProtoJson(CREATE_UPLOAD, canonical)).toEqual(accepted(canonical, []));
  });

  it('drops unknown fields at every level the schema defines, and says so', () => {
    const result = normalizeProtoJson(CREATE_UPLOAD, {
      ...canonical,
      extra: 1,
      metadata: { ...canonical.metadata, color: 'red' },
      spec: { ...canonical.spec, extra: { deep: true } },
    });
    expect(result).toEqual(
      accepted(canonical, [
        'unknown field metadata.color: a real server drops it',
        'unknown field spec.extra: a real server drops it',
        'unknown field extra: a real server drops it',
      ]),
    );
  });

  it('reads proto field names as their JSON names, and keeps map keys verbatim', () => {
    const result = normalizeProtoJson(CREATE_UPLOAD, {
      metadata: { name: 'a.md', external_id: 'kb-1', labels: { team: 'support', snake_key: 'x' } },
      spec: { filename: 'a.md', content_type: 'text/markdown', size_bytes: '2200' },
    });
    expect(result).toEqual(
      accepted(
        {
          metadata: {
            name: 'a.md',
            externalId: 'kb-1',
            labels: { team: 'support', snake_key: 'x' },
          },
          spec: canonical.spec,
        },
        [
          'proto field name metadata.external_id accepted for metadata.externalId',
          'proto field name spec.content_type accepted for spec.contentType',
          'proto field name spec.size_bytes accepted for spec.sizeBytes',
        ],
      ),
    );
  });

  it('reads an int64 given as a JSON number, or as a non-canonical number string', () => {
    const asNumber = normalizeProtoJson(CREATE_UPLOAD, {
      ...canonical,
      spec: { ...canonical.spec, sizeBytes: 2200 },
    });
    expect(asNumber).toEqual(
      accepted(canonical, ['int64 field spec.sizeBytes given as a JSON number']),
    );
    const asExponent = normalizeProtoJson(CREATE_UPLOAD, {
      ...canonical,
      spec: { filename: 'a.md', contentType: 'text/markdown', size_bytes: 2.2e3 },
    });
    expect(asExponent.ok && asExponent.value).toEqual(canonical);
    expect(asExponent.warnings).toEqual([
      'proto field name spec.size_bytes accepted for spec.sizeBytes',
      'int64 field spec.sizeBytes given as a JSON number',
    ]);
    const inString = normalizeProtoJson(CREATE_UPLOAD, {
      ...canonical,
      spec: { ...canonical.spec, sizeBytes: '2.2e3' },
    });
    expect(inString).toEqual(
      accepted(canonical, [
        'int64 field spec.sizeBytes given as "2.2e3": a real server reads it as 2200',
      ]),
    );
  });

  it.each([
    [1.5, 'invalid value for int64 field spec.sizeBytes: 1.5 is not an integer'],
    [2 ** 63, 'invalid value for int64 field spec.sizeBytes: 9223372036854776000 is out of range'],
    ['1.5', 'invalid value for int64 field spec.sizeBytes: "1.5" is not an integer'],
    ['lots', 'invalid value for int64 field spec.sizeBytes: "lots"'],
    [' 12', 'invalid value for int64 field spec.sizeBytes: " 12"'],
  ])('refuses the int64 value %j, as protojson does', (sizeBytes, message) => {
    expect(
      normalizeProtoJson(CREATE_UPLOAD, { ...canonical, spec: { ...canonical.spec, sizeBytes } }),
    ).toEqual({ ok: false, message, warnings: [] });
  });

  it('leaves an int64 of the wrong JSON type to the strict schema', () => {
    const result = normalizeProtoJson(CREATE_UPLOAD, {
      ...canonical,
      spec: { ...canonical.spec, sizeBytes: true },
    });
    expect(result).toMatchObject({ ok: true, value: { spec: { sizeBytes: true } } });
  });

  it('refuses a field given under both of its names ("duplicate field")', () => {
    const result = normalizeProtoJson(CREATE_UPLOAD, {
      ...canonical,
      spec: { ...canonical.spec, size_bytes: '2200' },
    });
    expect(result).toEqual({
      ok: false,
      message: 'duplicate field spec.sizeBytes: given as "sizeBytes" and as "size_bytes"',
      warnings: [],
    });
    // Also when one of them is null: protojson counts the field as seen before it reads the value.
    expect(
      normalizeProtoJson(CREATE_UPLOAD, {
        metadata: { name: 'n', external_id: null, externalId: 'x' },
        spec: canonical.spec,
      }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/^duplicate field/) });
  });

  it('treats null as "not set"', () => {
    const result = normalizeProtoJson(CREATE_UPLOAD, {
      metadata: { name: 'a.md', externalId: null, labels: null },
      spec: canonical.spec,
    });
    expect(result).toEqual(
      accepted({ metadata: { name: 'a.md' }, spec: canonical.spec }, [
        'null for metadata.externalId: a real server treats it as not set',
        'null for metadata.labels: a real server treats it as not set',
      ]),
    );
  });

  it('picks the oneOf branch by its discriminator, and normalises within it', () => {
    const spec: JsonSchema = {
      oneOf: [
        message({ type: { type: 'string', enum: ['content'] }, content: { type: 'string' } }),
        message({ type: { type: 'string', enum: ['uploadId'] }, uploadId: { type: 'string' } }),
      ],
    };
    const schema: JsonSchema = { type: 'object', properties: { spec } };
    expect(
      normalizeProtoJson(schema, { spec: { type: 'uploadId', upload_id: 'upload_1', x: 1 } }),
    ).toEqual(
      accepted({ spec: { type: 'uploadId', uploadId: 'upload_1' } }, [
        'proto field name spec.upload_id accepted for spec.uploadId',
        'unknown field spec.x: a real server drops it',
      ]),
    );
    // No branch matches: left as it is, for the strict schema to report.
    const unknownType = { spec: { type: 'file', upload_id: 'u' } };
    expect(normalizeProtoJson(schema, unknownType)).toEqual(accepted(unknownType, []));
  });

  it('normalises array items and keeps open objects open', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: { sizeBytes: { type: 'string', format: 'uint64' } },
          },
        },
        any: { type: 'object', additionalProperties: true, properties: { '@type': {} } },
      },
    };
    expect(
      normalizeProtoJson(schema, {
        items: [{ size_bytes: 1 }, { sizeBytes: '2' }],
        any: { '@type': 't', reason: 'r' },
      }),
    ).toEqual(
      accepted(
        {
          items: [{ sizeBytes: '1' }, { sizeBytes: '2' }],
          any: { '@type': 't', reason: 'r' },
        },
        [
          'proto field name items[0].size_bytes accepted for items[0].sizeBytes',
          'uint64 field items[0].sizeBytes given as a JSON number',
        ],
      ),
    );
  });

  it('leaves what is not an object where the schema wants one to the strict schema', () => {
    for (const body of [null, 'text', 42, [1]]) {
      expect(normalizeProtoJson(CREATE_UPLOAD, body)).toEqual(accepted(body, []));
    }
  });

  it('works on the OpenAPI document itself ($refs, no additionalProperties on messages)', () => {
    const doc = loadOpenApi('cadenya').raw;
    const schema = { ...doc, $ref: '#/components/schemas/CreateUploadRequest' } as JsonSchema;
    const result = normalizeProtoJson(schema, {
      metadata: { name: 'a.md', external_id: 'kb-1', labels: { team: 'support' } },
      spec: { filename: 'a.md', content_type: 'text/markdown', sizeBytes: '2200', checksum: 'x' },
    });
    expect(result).toEqual(
      accepted(canonical, [
        'proto field name metadata.external_id accepted for metadata.externalId',
        'proto field name spec.content_type accepted for spec.contentType',
        'unknown field spec.checksum: a real server drops it',
      ]),
    );
  });
});
