import { describe, expect, it, vi } from 'vitest';
import { APIConnectionError } from './api-connection-error.js';
import { APIError, isAPIError } from './api-error.js';
import { APITimeoutError } from './api-timeout-error.js';
import { APIUserAbortError } from './api-user-abort-error.js';
import { ConfigurationError } from './configuration-error.js';
import { NotFoundError } from './not-found-error.js';
import { RateLimitError } from './rate-limit-error.js';
import { isUpkitError, UpkitError } from './upkit-error.js';

const init = {
  status: 404,
  statusText: 'Not Found',
  headers: new Headers(),
  body: { message: 'Upload not found' },
  method: 'GET',
  url: 'https://api.x.com/v1/uploads/upload_1',
  serverMessage: 'Upload not found',
  requestId: 'abc',
};

// A second, independent copy of the modules, as when two versions of the package are installed.
async function importCopy<T>(load: () => Promise<T>): Promise<T> {
  vi.resetModules();
  return load();
}

describe('error hierarchy', () => {
  it('has the documented shape', () => {
    const error = new NotFoundError(init);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(UpkitError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(RateLimitError);
    expect(error.name).toBe('NotFoundError');
    expect(error.message).toBe(
      'GET https://api.x.com/v1/uploads/upload_1 → 404 Not Found: Upload not found (request id: abc)',
    );

    const timeout = new APITimeoutError({ method: 'GET', url: 'u', kind: 'attempt', timeoutMs: 5 });
    expect(timeout).toBeInstanceOf(APIConnectionError);
    expect(timeout).not.toBeInstanceOf(APIError);
    expect(new APIUserAbortError()).not.toBeInstanceOf(APIConnectionError);
    expect(isUpkitError(new ConfigurationError('x'))).toBe(true);
    expect(isUpkitError(new Error('x'))).toBe(false);
    expect(isAPIError(new ConfigurationError('x'))).toBe(false);
  });

  it('keeps instanceof working across duplicate copies of the package', async () => {
    const copy = await importCopy(() => import('./not-found-error.js'));
    const copyBase = await importCopy(() => import('./upkit-error.js'));
    expect(copyBase.UpkitError).not.toBe(UpkitError);
    expect(copy.NotFoundError).not.toBe(NotFoundError);
    const foreign = new copy.NotFoundError(init);
    expect(foreign).toBeInstanceOf(NotFoundError);
    expect(foreign).toBeInstanceOf(APIError);
    expect(foreign).toBeInstanceOf(UpkitError);
    expect(isAPIError(foreign)).toBe(true);
    expect(new NotFoundError(init)).toBeInstanceOf(copyBase.UpkitError);
    expect(foreign).not.toBeInstanceOf(RateLimitError);
  });

  it('does not make a user subclass match its parent instances', () => {
    class MyError extends NotFoundError {}
    expect(new NotFoundError(init)).not.toBeInstanceOf(MyError);
    expect(new MyError(init)).toBeInstanceOf(NotFoundError);
    expect(new MyError(init)).toBeInstanceOf(MyError);
  });

  it('serialises to a safe summary', () => {
    const json = JSON.parse(JSON.stringify(new NotFoundError(init))) as Record<string, unknown>;
    expect(json).toEqual({
      name: 'NotFoundError',
      message: expect.stringContaining('404') as unknown,
      status: 404,
      method: 'GET',
      url: init.url,
      requestId: 'abc',
    });
  });
});
