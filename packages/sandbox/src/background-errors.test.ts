import { afterEach, describe, expect, it, vi } from 'vitest';
import { StateStore } from './persistence/state-store.js';
import { cadenyaCall, httpRequest, inspect, pollUntil, scenarioCall } from './testing/http.js';
import { startTestSandbox } from './testing/test-sandbox.js';
import type { TestSandbox } from './testing/test-sandbox.js';

let current: TestSandbox | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await current?.sandbox.close();
  current = undefined;
});

async function start(options: Parameters<typeof startTestSandbox>[0] = {}) {
  current = await startTestSandbox(options);
  return current;
}

/** From now on, state writes after the first `pass` ones fail, as on a full disk. */
function failStateWrites(pass = 0) {
  const persist = StateStore.prototype.persist;
  let calls = 0;
  vi.spyOn(StateStore.prototype, 'persist').mockImplementation(function (this: StateStore) {
    calls += 1;
    return calls > pass
      ? Promise.reject(new Error('ENOSPC: no space left on device (injected)'))
      : persist.call(this);
  });
}

const backgroundErrors = async (t: TestSandbox) =>
  (
    await pollUntil(
      () => inspect(t.sandbox, 'GET', '/stats'),
      (r) => r.body.backgroundErrors.length > 0,
    )
  ).body.backgroundErrors as string[];

describe('state writes nobody waits for', () => {
  it('Cadenya: a failed write after a read noticed the upload complete is reported', async () => {
    const t = await start();
    const ws = t.sandbox.credentials.cadenya.workspaceId;
    const upload = (
      await cadenyaCall(t.sandbox, 'POST', `/v1/workspaces/${ws}/uploads`, {
        body: {
          metadata: { name: 'n' },
          spec: { filename: 'f', contentType: 'text/plain', sizeBytes: '1' },
        },
      })
    ).body;
    const put = await httpRequest(upload.info.uploadUrl, {
      headers: { 'content-type': 'text/plain', 'content-length': 1 },
      body: 'x',
    });
    expect(put.status).toBe(200);
    failStateWrites();
    const read = await cadenyaCall(
      t.sandbox,
      'GET',
      `/v1/workspaces/${ws}/uploads/${upload.metadata.id}`,
    );
    expect(read.body.info.status).toBe('UPLOAD_STATUS_COMPLETE');
    const errors = await backgroundErrors(t);
    expect(errors).toEqual([
      `saving ${upload.metadata.id} after a read: ENOSPC: no space left on device (injected)`,
    ]);
    expect(t.logger.text()).toContain(
      `error: saving ${upload.metadata.id} after a read failed: ENOSPC`,
    );
  });

  it('Scenario: a failed write after a read advanced the upload is reported', async () => {
    const t = await start({ scenario: { validatingDelayMs: 60_000, importDelayMs: 60_000 } });
    const created = await scenarioCall(t.sandbox, 'POST', '/uploads', {
      body: { huggingFaceModelName: 'a/b' },
    });
    const id = created.body.upload.id as string;
    failStateWrites();
    t.clock.advance(60_000);
    const read = await pollUntil(
      () => scenarioCall(t.sandbox, 'GET', `/uploads/${id}`),
      (r) => r.body.upload.status !== 'validating',
    );
    expect(read.body.upload.status).toBe('validated');
    // The check's own write may have come after the spy too; the read's write is reported.
    expect(await backgroundErrors(t)).toContain(
      `saving ${id} after a read: ENOSPC: no space left on device (injected)`,
    );
  });

  it('Scenario: a failed write of a validation outcome is reported', async () => {
    const t = await start({ scenario: { importDelayMs: 60_000 } });
    // The create's own write (the first) goes through; the check's, after it, fails.
    failStateWrites(1);
    const created = await scenarioCall(t.sandbox, 'POST', '/uploads', {
      body: { huggingFaceModelName: 'a/b' },
    });
    expect(created.status).toBe(200);
    const id = created.body.upload.id as string;
    expect(await backgroundErrors(t)).toEqual([
      `saving the outcome of ${id}: ENOSPC: no space left on device (injected)`,
    ]);
    expect((await scenarioCall(t.sandbox, 'GET', `/uploads/${id}`)).body.upload.status).toBe(
      'validated',
    );
  });
});
