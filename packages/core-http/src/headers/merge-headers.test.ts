import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../errors/validation-issue.js';
import { mergeHeaders } from './merge-headers.js';

describe('mergeHeaders', () => {
  it('sets, overrides and (with null) removes headers', () => {
    const headers = new Headers({ a: '1', b: '2' });
    mergeHeaders(headers, { a: 'x', b: null, c: undefined, d: '4' }, []);
    expect([...headers.entries()]).toEqual([
      ['a', 'x'],
      ['d', '4'],
    ]);
    mergeHeaders(headers, [['e', '5']], []);
    mergeHeaders(headers, new Headers({ f: '6' }), []);
    expect(headers.get('e')).toBe('5');
    expect(headers.get('f')).toBe('6');
  });

  it('rejects invalid names and values as a whole, naming the header but not the value', () => {
    const headers = new Headers({ keep: '1' });
    const issues: ValidationIssue[] = [];
    mergeHeaders(
      headers,
      { ok: 'fine', 'x-evil': 'a\r\nSet-Cookie: s=1', 'bad name': 'v' },
      issues,
    );
    expect(issues.map((i) => i.path)).toEqual([
      ['headers', 'x-evil'],
      ['headers', 'bad name'],
    ]);
    expect(JSON.stringify(issues)).not.toContain('Set-Cookie');
    expect(headers.has('ok')).toBe(false);
  });

  it('property: values containing CR or LF are always refused', () => {
    const withBreak = fc
      .tuple(fc.string(), fc.constantFrom('\r', '\n', '\r\n'), fc.string())
      .map(([a, brk, b]) => a + brk + b);
    fc.assert(
      fc.property(withBreak, (value) => {
        const issues: ValidationIssue[] = [];
        mergeHeaders(new Headers(), { 'x-test': value }, issues);
        expect(issues).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });

  it('property: any value we accept is accepted by Headers unchanged (bar trimming)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (value) => {
        const headers = new Headers();
        const issues: ValidationIssue[] = [];
        mergeHeaders(headers, { 'x-test': value }, issues);
        if (!issues.length)
          expect(headers.get('x-test')).toBe(value.replace(/^[\t ]+|[\t ]+$/g, ''));
        else expect(/[^\t\x20-\x7e\x80-\xff]/.test(value)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
