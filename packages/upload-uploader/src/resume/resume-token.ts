import { InvalidResumeTokenError } from '../errors/invalid-resume-token-error.js';
import type { SourceFingerprint } from './fingerprint.js';

/** A part that storage acknowledged. */
export interface DonePart {
  readonly number: number;
  readonly size: number;
  /** The ETag storage answered with, when it sent one. */
  readonly etag?: string | undefined;
}

/**
 * Everything needed to go on with an upload in another process: plain JSON, with no credential and
 * no URL (part URLs are signed afresh on resume). Store it as it is (`JSON.stringify`).
 */
export interface ResumeToken {
  readonly version: 1;
  readonly target: 'scenario' | 'cadenya';
  readonly uploadId: string;
  /** Where the upload lives: Scenario's `projectId`, Cadenya's `workspaceId`, when given. */
  readonly scope?: { readonly projectId?: string; readonly workspaceId?: string } | undefined;
  readonly partSize: number;
  readonly partCount: number;
  readonly contentType: string;
  readonly parts: readonly DonePart[];
  readonly fingerprint: SourceFingerprint;
  /** ISO time the upload was created. */
  readonly createdAt: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * Reads a resume token: the object, or its JSON text.
 * @throws InvalidResumeTokenError naming what is wrong.
 */
export function parseResumeToken(value: unknown): ResumeToken {
  let token = value;
  if (typeof value === 'string') {
    try {
      token = JSON.parse(value);
    } catch {
      throw new InvalidResumeTokenError('not valid JSON');
    }
  }
  if (!isObject(token)) throw new InvalidResumeTokenError('expected an object');
  if (token['version'] !== 1)
    throw new InvalidResumeTokenError(`unsupported version ${String(token['version'])}`);
  if (token['target'] !== 'scenario' && token['target'] !== 'cadenya')
    throw new InvalidResumeTokenError('target must be "scenario" or "cadenya"');
  for (const key of ['uploadId', 'contentType', 'createdAt'] as const) {
    if (typeof token[key] !== 'string' || token[key] === '')
      throw new InvalidResumeTokenError(`${key} must be a non-empty string`);
  }
  for (const key of ['partSize', 'partCount'] as const) {
    if (!isCount(token[key]) || token[key] === 0)
      throw new InvalidResumeTokenError(`${key} must be a positive integer`);
  }
  const { parts, fingerprint, scope } = token;
  if (scope !== undefined && !isObject(scope))
    throw new InvalidResumeTokenError('scope must be an object');
  if (!Array.isArray(parts)) throw new InvalidResumeTokenError('parts must be an array');
  const seen = new Set<number>();
  for (const part of parts) {
    if (!isObject(part) || !isCount(part['number']) || !isCount(part['size'])) {
      throw new InvalidResumeTokenError('each part needs a number and a size');
    }
    if (
      part['number'] < 1 ||
      part['number'] > (token['partCount'] as number) ||
      seen.has(part['number'])
    ) {
      throw new InvalidResumeTokenError(`part ${part['number']} is out of range or listed twice`);
    }
    if (part['etag'] !== undefined && typeof part['etag'] !== 'string')
      throw new InvalidResumeTokenError('an etag must be a string');
    seen.add(part['number']);
  }
  if (
    !isObject(fingerprint) ||
    !isCount(fingerprint['size']) ||
    typeof fingerprint['head'] !== 'string'
  ) {
    throw new InvalidResumeTokenError('fingerprint needs a size and a head hash');
  }
  return token as unknown as ResumeToken;
}
