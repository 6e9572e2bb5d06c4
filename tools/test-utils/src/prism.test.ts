import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseExampleNames } from './openapi-examples.js';
import { startPrism, type PrismServer } from './prism.js';

const SCENARIO = fileURLToPath(
  new URL('../../../packages/schemas/openapi/scenario.yaml', import.meta.url),
);

describe('startPrism', () => {
  let prism: PrismServer;
  beforeAll(async () => {
    prism = await startPrism(SCENARIO);
  });
  afterAll(async () => {
    await prism.close();
  });

  it('serves the named example on 127.0.0.1 and validates requests', async () => {
    expect(new URL(prism.url).hostname).toBe('127.0.0.1');
    expect(responseExampleNames(SCENARIO, 'getUpload')).toContain('seed');
    const ok = await fetch(`${prism.url}/uploads/upload_1`, {
      headers: { authorization: 'Bearer t', prefer: 'example=seed' },
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { upload: { id: string } }).upload.id).toBe('id');
    const bad = await fetch(`${prism.url}/uploads/upload_1/action`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'cancel' }),
    });
    expect(bad.status).toBe(400);
  });

  it('refuses an operation the document lacks', () => {
    expect(() => responseExampleNames(SCENARIO, 'deleteUpload')).toThrow(/no operation/);
  });
});
