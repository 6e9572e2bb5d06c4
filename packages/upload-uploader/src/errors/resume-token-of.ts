import type { ResumeToken } from '../resume/resume-token.js';

/**
 * The resume token an upload failure carries: every error `upload()` raises after the upload was
 * created has one as `error.resumeToken`, whatever its class (an `APIError` of the API, a
 * `PartUploadError`…). `undefined` for failures before the create, and for anything else.
 */
export function resumeTokenOf(error: unknown): ResumeToken | undefined {
  const token = (error as { resumeToken?: unknown } | null | undefined)?.resumeToken;
  return typeof token === 'object' && token !== null ? (token as ResumeToken) : undefined;
}

/** Gives an error the token (kept out of its enumerable fields); returns the error. */
export function attachResumeToken(error: unknown, token: ResumeToken | undefined): unknown {
  if (token && typeof error === 'object' && error !== null && resumeTokenOf(error) === undefined) {
    Object.defineProperty(error, 'resumeToken', {
      value: token,
      writable: true,
      configurable: true,
    });
  }
  return error;
}
