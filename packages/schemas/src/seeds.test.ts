import { SEEDS, seedExample } from '@upkit/test-utils';
import { describe, expect, it } from 'vitest';
import * as cadenyaClassic from './generated/cadenya/classic-index.js';
import * as cadenyaMini from './generated/cadenya/index.js';
import * as scenarioClassic from './generated/scenario/classic-index.js';
import * as scenarioMini from './generated/scenario/index.js';

const scenarioSeed = seedExample(SEEDS.scenario) as {
  upload: Record<string, unknown>;
};
const cadenyaSeed = seedExample(SEEDS.cadenya) as {
  info: Record<string, unknown>;
  metadata: Record<string, unknown>;
};

describe.each([
  ['zod/mini', scenarioMini],
  ['classic zod', scenarioClassic],
] as const)('Scenario seed with %s', (_flavour, s) => {
  it('parses the seed example response exactly', () => {
    expect(s.ScenarioGetUploadResponse.parse(scenarioSeed)).toEqual(scenarioSeed);
  });

  it('keeps an unknown field', () => {
    const data = { upload: { ...scenarioSeed.upload, thumbnailUrl: 'https://cdn.example/t.png' } };
    const parsed = s.ScenarioGetUploadResponse.parse(data);
    expect(parsed.upload).toHaveProperty('thumbnailUrl', 'https://cdn.example/t.png');
  });

  it('accepts an unknown enum value, keeps it, and the guard recognises it as unknown', () => {
    const data = { upload: { ...scenarioSeed.upload, status: 'quarantined', kind: 'hologram' } };
    const parsed = s.ScenarioGetUploadResponse.parse(data);
    expect(parsed.upload.status).toBe('quarantined');
    expect(s.isKnownScenarioUploadStatus(parsed.upload.status)).toBe(false);
    expect(s.isKnownScenarioUploadKind(parsed.upload.kind)).toBe(false);
    expect(s.isKnownScenarioUploadStatus('imported')).toBe(true);
  });

  it('still rejects a payload missing a required field', () => {
    const { id: _id, ...withoutId } = scenarioSeed.upload;
    expect(s.ScenarioGetUploadResponse.safeParse({ upload: withoutId }).success).toBe(false);
  });

  it('rejects unknown keys and enum values in a request body', () => {
    const body = { action: 'complete' };
    expect(s.ScenarioTriggerUploadActionBody.parse(body)).toEqual(body);
    expect(s.ScenarioTriggerUploadActionBody.safeParse({ action: 'cancel' }).success).toBe(false);
    expect(s.ScenarioTriggerUploadActionBody.safeParse({ ...body, force: true }).success).toBe(
      false,
    );
  });
});

describe.each([
  ['zod/mini', cadenyaMini],
  ['classic zod', cadenyaClassic],
] as const)('Cadenya seed with %s', (_flavour, c) => {
  it('parses the seed example response exactly (bundleKey included)', () => {
    expect(c.CadenyaUpload.parse(cadenyaSeed)).toEqual(cadenyaSeed);
  });

  it('keeps an unknown field at every level', () => {
    const data = {
      ...cadenyaSeed,
      checksum: 'sha256:abc',
      info: { ...cadenyaSeed.info, virusScan: 'clean' },
    };
    const parsed = c.CadenyaUpload.parse(data) as Record<string, unknown>;
    expect(parsed).toHaveProperty('checksum', 'sha256:abc');
    expect(parsed.info).toHaveProperty('virusScan', 'clean');
  });

  it('accepts an unknown status, keeps it, and the guard recognises it as unknown', () => {
    const data = {
      ...cadenyaSeed,
      info: { ...cadenyaSeed.info, status: 'UPLOAD_STATUS_QUARANTINED' },
    };
    const parsed = c.CadenyaUpload.parse(data);
    expect(parsed.info.status).toBe('UPLOAD_STATUS_QUARANTINED');
    expect(c.isKnownCadenyaUploadInfoStatus(parsed.info.status)).toBe(false);
    expect(c.isKnownCadenyaUploadInfoStatus('UPLOAD_STATUS_COMPLETE')).toBe(true);
  });

  it('validates date-times in responses', () => {
    const data = { ...cadenyaSeed, metadata: { ...cadenyaSeed.metadata, createdAt: 'yesterday' } };
    expect(c.CadenyaUpload.safeParse(data).success).toBe(false);
  });

  it('keeps sizeBytes a string and converts it to bigint on request', () => {
    const body = {
      metadata: { name: 'model.glb' },
      spec: {
        filename: 'model.glb',
        contentType: 'model/gltf-binary',
        sizeBytes: '9007199254740993',
      },
    };
    const parsed = c.CadenyaUploadServiceCreateUploadBody.parse(body);
    expect(parsed.spec.sizeBytes).toBe('9007199254740993');
    expect(c.toBigInt(parsed.spec.sizeBytes)).toBe(9007199254740993n);
    expect(
      c.CadenyaUploadServiceCreateUploadBody.safeParse({
        ...body,
        spec: { ...body.spec, extra: 1 },
      }).success,
    ).toBe(false);
  });
});
