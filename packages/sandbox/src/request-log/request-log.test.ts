import { describe, expect, it } from 'vitest';
import { inspect, scenarioCall, send } from '../testing/http.js';
import { completedOnePart, createCadenyaUpload, getUpload, put } from '../testing/uploads.js';
import { useTestApp } from '../testing/use-test-sandbox.js';
import { classifyPath, RequestLog } from './request-log.js';

// In-process (`app.request()`): the log is written by the app, whatever carries the requests.
const start = useTestApp();

describe('the request log', () => {
  it('records each request without query strings or credentials, and can be cleared', async () => {
    const t = await start({ logRequests: true });
    const { scenario, cadenya, storage } = t.sandbox.credentials;
    const file = Buffer.from('plain bytes of a file');
    const upload = await completedOnePart(t.sandbox, file, {
      fileName: 'a.txt',
      contentType: 'text/plain',
      kind: 'asset',
    });
    await t.settled();
    // With a query string, which the log must leave out.
    const imported = await getUpload(t.sandbox, `${upload.id}?projectId=${scenario.projectId}`);
    expect(imported.body.upload.status).toBe('imported');
    const cad = await createCadenyaUpload(t.sandbox, { sizeBytes: '4' });
    await put(t.sandbox, cad.body.info.uploadUrl, 'oops', 'text/html');
    await send(t.sandbox, cad.body.info.uploadUrl, {
      body: 'abcd',
      headers: {
        'content-type': 'text/plain',
        'content-length': 4,
        authorization: `Bearer ${cadenya.apiKey}`,
      },
    });
    await scenarioCall(t.sandbox, 'GET', '/uploads/x', { auth: null });

    const entries = (await inspect(t.sandbox, 'GET', '/requests')).body.requests;
    expect(entries.length).toBeGreaterThanOrEqual(8);
    expect(entries[0]).toMatchObject({
      method: 'POST',
      path: '/scenario/v1/uploads',
      status: 200,
      authorization: true,
      routeClass: 'api',
      api: 'scenario',
    });
    expect(Number.isNaN(Date.parse(entries[0].timestamp))).toBe(false);
    expect(entries[1]).toMatchObject({
      method: 'PUT',
      status: 200,
      authorization: false,
      routeClass: 'storage',
      partNumber: 1,
    });
    // Cadenya's single PUT has no part number.
    expect(entries.filter((e: { partNumber?: number }) => e.partNumber !== undefined)).toHaveLength(
      1,
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ routeClass: 'storage', status: 403, authorization: false }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ routeClass: 'storage', status: 400, authorization: true }),
    );
    expect(entries.at(-1)).toMatchObject({ status: 401, authorization: false });

    const secrets = [
      scenario.apiKey,
      scenario.apiSecret,
      scenario.bearerToken,
      Buffer.from(`${scenario.apiKey}:${scenario.apiSecret}`).toString('base64'),
      cadenya.apiKey,
      storage.secretAccessKey,
      'X-Amz-Signature',
      'X-Amz-Credential',
      '?',
    ];
    const logged = JSON.stringify(entries) + t.logger.text();
    for (const secret of secrets) expect(logged).not.toContain(secret);
    expect(t.logger.lines.filter((l) => l.level === 'info').length).toBeGreaterThanOrEqual(
      entries.length,
    );

    expect((await inspect(t.sandbox, 'DELETE', '/requests')).status).toBe(204);
    expect((await inspect(t.sandbox, 'GET', '/requests')).body.requests).toEqual([]);
  });

  it('keeps the newest entries up to its limit', () => {
    const log = new RequestLog(2);
    for (const path of ['/a', '/b', '/c']) {
      log.add({
        timestamp: '',
        method: 'GET',
        path,
        status: 200,
        authorization: false,
        routeClass: 'other',
        durationMs: 0,
      });
    }
    expect(log.list().map((e) => e.path)).toEqual(['/b', '/c']);
  });

  it('classifies paths', () => {
    expect(classifyPath('/scenario/v1/uploads')).toEqual({ routeClass: 'api', api: 'scenario' });
    expect(classifyPath('/cadenya/v1/x')).toEqual({ routeClass: 'api', api: 'cadenya' });
    expect(classifyPath('/storage/b/k')).toEqual({ routeClass: 'storage' });
    expect(classifyPath('/_sandbox/requests')).toEqual({ routeClass: 'inspection' });
    expect(classifyPath('/elsewhere')).toEqual({ routeClass: 'other' });
  });
});
