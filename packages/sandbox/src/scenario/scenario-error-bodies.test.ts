import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspect, scenarioCall } from '../testing/http.js';
import type { JsonResponse } from '../testing/http.js';
import { loadOpenApi } from '../testing/openapi-strict.js';
import { openTestApp } from '../testing/test-app.js';
import type { TestApp } from '../testing/test-app.js';

// Scenario's error bodies are not uniform: each status has its own fields (`traceId` on 400 and
// 500, `trace_id` on 404, `error` on 401/403/500, `reason` on 400/409…). The sandbox answers each
// status with exactly the fields of the document's example for it.

type Json = Record<string, unknown>;

/** The example of every error response the document declares, by its `status`. */
function documentedErrorExamples(): Map<number, Json> {
  const doc = loadOpenApi('scenario').raw as { components: { responses: Record<string, Json> } };
  const examples = new Map<number, Json>();
  for (const response of Object.values(doc.components.responses)) {
    const content = response['content'] as Record<string, { example?: Json }> | undefined;
    const example = content?.['application/json']?.example;
    if (example && typeof example['status'] === 'number') examples.set(example['status'], example);
  }
  return examples;
}

/** A value's shape: ids compare by their pattern of hex digits, other strings by value. */
function shape(key: string, value: unknown): unknown {
  if (typeof value !== 'string') return typeof value;
  if (key === 'traceId' || key === 'trace_id') return value.replace(/[0-9a-f]/g, 'h');
  // Messages name ids (uploads, fields): only their presence is compared.
  if (key === 'message') return 'string';
  return value;
}

const examples = documentedErrorExamples();
const answers = new Map<number, JsonResponse[]>();
let t: TestApp;

// In-process (`app.request()`): the bodies are the point, not the socket.
beforeAll(async () => {
  t = await openTestApp();
  const keep = (response: JsonResponse) =>
    answers.set(response.status, [...(answers.get(response.status) ?? []), response]);
  keep(await scenarioCall(t.sandbox, 'POST', '/uploads', { body: { parts: 0 } }));
  keep(await scenarioCall(t.sandbox, 'POST', '/uploads', { body: { url: 42, kind: 'image' } }));
  keep(await scenarioCall(t.sandbox, 'GET', '/uploads/x', { auth: null }));
  keep(await scenarioCall(t.sandbox, 'GET', '/uploads/x?projectId=proj_other'));
  keep(await scenarioCall(t.sandbox, 'GET', '/uploads/upload_missing'));
  keep(await scenarioCall(t.sandbox, 'GET', '/no/such/route'));
  const created = await scenarioCall(t.sandbox, 'POST', '/uploads', {
    body: { url: 'https://example.org/a.png', kind: 'image' },
  });
  keep(
    await scenarioCall(t.sandbox, 'POST', `/uploads/${created.body.upload.id}/action`, {
      body: { action: 'complete' },
    }),
  );
  for (const faults of [
    { api: { rateLimitRate: 1, retryAfterSeconds: 30 } },
    { api: { errorRate: 1, errorStatus: 500 as const } },
    { api: { errorRate: 1, errorStatus: 503 as const } },
  ]) {
    await inspect(t.sandbox, 'POST', '/faults', faults);
    keep(await scenarioCall(t.sandbox, 'GET', '/uploads/x'));
  }
  await inspect(t.sandbox, 'DELETE', '/faults');
});

afterAll(async () => {
  await t.close();
});

describe('Scenario error bodies', () => {
  it('cover every status the document has an example for', () => {
    expect([...examples.keys()].sort()).toEqual([400, 401, 403, 404, 409, 429, 500, 503]);
    expect([...answers.keys()].sort()).toEqual([...examples.keys()].sort());
  });

  it.each([...examples.entries()])(
    'answer %i with exactly the fields of the example, shaped alike',
    (status, example) => {
      for (const { body } of answers.get(status) ?? []) {
        expect(Object.keys(body).sort()).toEqual(Object.keys(example).sort());
        for (const [key, value] of Object.entries(example)) {
          expect(shape(key, body[key]), key).toEqual(shape(key, value));
        }
      }
    },
  );

  it('answer 429 with Retry-After as well as remainingSeconds', () => {
    const [limited] = answers.get(429)!;
    expect(limited!.headers.get('retry-after')).toBe('30');
    expect(limited!.body.remainingSeconds).toBe(30);
  });
});
