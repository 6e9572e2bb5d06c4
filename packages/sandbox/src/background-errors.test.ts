import { afterEach, describe, expect, it, vi } from 'vitest';
import { StateStore } from './persistence/state-store.js';
import { inspect, pollUntil, scenarioCall, send } from './testing/http.js';
import type { TestApp } from './testing/test-app.js';
import { createCadenyaUpload, getCadenyaUpload } from './testing/uploads.js';
import { useTestApp } from './testing/use-test-sandbox.js';

// In-process (`app.request()`): the writes are the point, not the socket.
const start = useTestApp();
// Registered after `start`, so it runs first: the state writes work again before closing.
afterEach(() => {
  vi.restoreAllMocks();
});

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

const backgroundErrors = async (t: TestApp) =>
  (
    await pollUntil(
      () => inspect(t.sandbox, 'GET', '/stats'),
      (r) => r.body.backgroundErrors.length > 0,
    )
  ).body.backgroundErrors as string[];

describe('state writes nobody waits for', () => {
  it('Cadenya: a failed write after a read noticed the upload complete is reported', async () => {
    const t = await start();
    const upload = (await createCadenyaUpload(t.sandbox)).body;
    const put = await send(t.sandbox, upload.info.uploadUrl, {
      headers: { 'content-type': 'text/plain', 'content-length': 1 },
      body: 'x',
    });
    expect(put.status).toBe(200);
    failStateWrites();
    const read = await getCadenyaUpload(t.sandbox, upload.metadata.id);
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
    await t.settled();
    t.clock.advance(60_000);
    const read = await scenarioCall(t.sandbox, 'GET', `/uploads/${id}`);
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
