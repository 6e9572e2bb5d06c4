import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../errors/request-validation-error.js';
import { mergeHeaders } from './merge-headers.js';

describe('mergeHeaders', () => {
  it('sets, overrides and (with null) removes headers', () => {
    const headers = new Headers({ a: '1', b: '2' });
    mergeHeaders(headers, { a: 'x', b: null, c: undefined, d: '4' });
    expect([...headers.entries()]).toEqual([
      ['a', 'x'],
      ['d', '4'],
    ]);
    mergeHeaders(headers, [['e', '5']]);
    mergeHeaders(headers, new Headers({ f: '6' }));
    expect(headers.get('e')).toBe('5');
    expect(headers.get('f')).toBe('6');
  });

  it('rejects invalid names and values as a whole, naming the header but not the value', () => {
    const headers = new Headers({ keep: '1' });
    try {
      mergeHeaders(headers, { ok: 'fine', 'x-evil': 'a\r\nSet-Cookie: s=1', 'bad name': 'v' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RequestValidationError);
      const { issues } = error as RequestValidationError;
      expect(issues.map((i) => i.path)).toEqual([
        ['headers', 'x-evil'],
        ['headers', 'bad name'],
      ]);
      expect((error as Error).message).not.toContain('Set-Cookie');
    }
    expect(headers.has('ok')).toBe(false);
  });

  it('property: values containing CR or LF are always refused with a typed error', () => {
    const withBreak = fc
      .tuple(fc.string(), fc.constantFrom('\r', '\n', '\r\n'), fc.string())
      .map(([a, brk, b]) => a + brk + b);
    fc.assert(
      fc.property(withBreak, (value) => {
        expect(() => mergeHeaders(new Headers(), { 'x-test': value })).toThrow(
          RequestValidationError,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('property: any value we accept is accepted by Headers unchanged (bar trimming)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (value) => {
        const headers = new Headers();
        let accepted = true;
        try {
          mergeHeaders(headers, { 'x-test': value });
        } catch (error) {
          expect(error).toBeInstanceOf(RequestValidationError);
          accepted = false;
        }
        if (accepted) expect(headers.get('x-test')).toBe(value.replace(/^[\t ]+|[\t ]+$/g, ''));
        else expect(/[^\t\x20-\x7e\x80-\xff]/.test(value)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
