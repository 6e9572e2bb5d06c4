import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../errors/request-validation-error.js';
import type { ValidationIssue } from '../errors/validation-issue.js';
import { buildPath, encodePathParam } from './encode-path.js';

const BASE = 'https://api.example.com';
const TEMPLATE = '/v1/workspaces/{workspaceId}/uploads/{id}';
const NASTY = [
  '../',
  '..',
  '.',
  '../../admin',
  '..%2F..%2Fadmin',
  '%2e%2e',
  '%2E',
  '.%2e',
  '?x=1',
  '#frag',
  'a/b',
  'a\\b',
  '%',
  '%25',
  '%zz',
  ' ',
  'a b',
  'ünïcødé',
  '😀',
  '日本',
  '\u0000',
  '\r\n',
  '...',
  '.a',
  '//evil.com',
  '@evil.com',
  'http://evil.com',
  ';jsessionid=1',
];

function isWellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

function isRefused(value: string): boolean {
  return value === '' || /^(?:\.|%2e){1,2}$/i.test(value) || !isWellFormed(value);
}

/** The property every accepted parameter must have, checked through the WHATWG URL parser. */
function checkEncoded(param: string): void {
  const path = buildPath(TEMPLATE, { workspaceId: 'ws_1', id: param }, []);
  const url = new URL(BASE + path);
  const segments = url.pathname.split('/');
  // Nothing in the parameter added, removed or resolved away a segment.
  expect(segments).toHaveLength(6);
  expect(segments.slice(0, 5)).toEqual(['', 'v1', 'workspaces', 'ws_1', 'uploads']);
  expect(decodeURIComponent(segments[5]!)).toBe(param);
  expect(url.search).toBe('');
  expect(url.hash).toBe('');
  expect(url.origin).toBe(BASE);
  const encoded = encodePathParam('id', param);
  expect(encoded).not.toMatch(/[/?#]/);
  expect(decodeURIComponent(encoded)).toBe(param);
}

describe('buildPath', () => {
  it('fills every placeholder with the encoded value', () => {
    expect(buildPath(TEMPLATE, { workspaceId: 'ws 1', id: 'a/b?c#d' }, [])).toBe(
      '/v1/workspaces/ws%201/uploads/a%2Fb%3Fc%23d',
    );
    expect(buildPath('/uploads/{id}', { id: 42 }, [])).toBe('/uploads/42');
    expect(buildPath('/uploads/{id}', { id: 10n }, [])).toBe('/uploads/10');
  });

  it('reports every missing parameter as an issue', () => {
    expect(issuesOf((issues) => buildPath(TEMPLATE, { id: 'x' }, issues))).toEqual([
      { message: 'missing path parameter', path: ['path', 'workspaceId'] },
    ]);
    const both = issuesOf((issues) => buildPath(TEMPLATE, {}, issues));
    expect(both.map((issue) => issue.path[1])).toEqual(['workspaceId', 'id']);
  });

  it('refuses values that no encoding can keep inside one segment', () => {
    for (const id of ['', '.', '..', '%2e', '%2E%2e', '.%2E', '\ud800', 'a\udc00b', NaN, {}]) {
      const issues = issuesOf((found) => buildPath('/uploads/{id}', { id }, found));
      expect(issues.map((issue) => issue.path)).toEqual([['path', 'id']]);
    }
  });

  it('keeps nasty parameters inside their segment', () => {
    for (const param of NASTY.filter((value) => !isRefused(value))) checkEncoded(param);
  });

  it('property: any accepted string round-trips and never changes the path', () => {
    const param = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.constantFrom(...NASTY),
      fc
        .array(fc.constantFrom('.', '/', '%', '2', 'e', 'E', '?', '#', '\\', ' '), { maxLength: 8 })
        .map((chars) => chars.join('')),
    );
    fc.assert(
      fc.property(param, (value) => {
        if (isRefused(value)) {
          expect(() => encodePathParam('id', value)).toThrow(RequestValidationError);
          expect(
            issuesOf((issues) => buildPath(TEMPLATE, { workspaceId: 'w', id: value }, issues)),
          ).toHaveLength(1);
        } else {
          checkEncoded(value);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

/** The issues `run` adds. */
function issuesOf(run: (issues: ValidationIssue[]) => unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  run(issues);
  return issues;
}
