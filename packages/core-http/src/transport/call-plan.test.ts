import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/resolve-config.js';
import { resolveSettings } from '../config/resolve-settings.js';
import { RequestValidationError } from '../errors/request-validation-error.js';
import type { RequestOptions } from '../request-options.js';
import { planCall, type RequestParts } from './call-plan.js';

const cfg = resolveConfig({
  baseURL: 'https://api.example.com/v1',
  defaultHeaders: { 'x-api-key': 'k_123456' },
  userAgentHeader: 'user-agent',
});
const plan = (parts: Partial<RequestParts> = {}, options: RequestOptions = {}, operation = false) =>
  planCall(
    cfg,
    resolveSettings(options, cfg, false),
    { method: 'GET', url: 'https://api.example.com/v1/x', body: null, trusted: true, ...parts },
    options,
    operation,
    [],
  );

describe('planCall', () => {
  it('gives a trusted request the client’s headers, another only the User-Agent', () => {
    expect(plan().headers.get('x-api-key')).toBe('k_123456');
    expect(plan({}, {}, true).headers.get('accept')).toBe('application/json');
    expect([...plan({ trusted: false }).headers.keys()]).toEqual(['user-agent']);
  });

  it('keeps the call’s own headers, less credentials, for redirect targets elsewhere', () => {
    const { foreignHeaders } = plan(
      { method: 'POST', contentType: 'application/json' },
      {
        headers: { authorization: 'Bearer mine', cookie: 'c=1', 'x-trace': 't' },
        idempotencyKey: 'key-1',
      },
    );
    expect(Object.fromEntries(foreignHeaders())).toEqual({
      'content-type': 'application/json',
      'idempotency-key': 'key-1',
      'user-agent': expect.stringContaining('@upkit/core-http/'),
      'x-trace': 't',
    });
  });

  it('decides once whether the call may be repeated', () => {
    expect(plan()).toMatchObject({ repeatable: true, replayable: true, maxAttempts: 3 });
    expect(plan({ method: 'POST' })).toMatchObject({ repeatable: false });
    expect(plan({ method: 'POST' }, { idempotencyKey: true })).toMatchObject({ repeatable: true });
    expect(plan({ method: 'POST' }, { retryNonIdempotent: true })).toMatchObject({
      repeatable: true,
    });
    expect(plan({ method: 'POST', idempotent: true })).toMatchObject({ repeatable: true });
    expect(plan({ method: 'PUT', idempotent: false })).toMatchObject({ repeatable: false });
    expect(plan({ body: new ReadableStream() })).toMatchObject({ replayable: false });
  });

  it('raises every problem of the request in one error that names the operation', () => {
    const issues = [{ message: 'missing path parameter', path: ['path', 'id'] }];
    let error: unknown;
    try {
      planCall(
        cfg,
        cfg,
        { method: 'GET', url: '', body: null, trusted: true, operationId: 'op' },
        {
          headers: { 'x-a': 'b\nc' },
        },
        true,
        issues,
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error).toMatchObject({ operationId: 'op' });
    expect((error as RequestValidationError).issues.map((issue) => issue.path)).toEqual([
      ['path', 'id'],
      ['headers', 'x-a'],
    ]);
  });
});
