import { describe, expect, it } from 'vitest';
import { int64FromNumber, int64FromString } from './int64-value.js';

describe('int64FromNumber', () => {
  it.each([
    [2200, '2200'],
    [0, '0'],
    [-0, '0'],
    [-5, '-5'],
    [1e3, '1000'],
    [2 ** 62, '4611686018427387904'],
  ])('reads %d as %s', (value, text) => {
    expect(int64FromNumber(value, false)).toEqual({ ok: true, text });
  });

  it('refuses a fraction, and values beyond int64 (2^63 is the first double above the maximum)', () => {
    expect(int64FromNumber(1.5, false)).toEqual({ ok: false, why: 'not an integer' });
    expect(int64FromNumber(Number.NaN, false)).toEqual({ ok: false, why: 'not an integer' });
    expect(int64FromNumber(Infinity, false)).toEqual({ ok: false, why: 'not an integer' });
    expect(int64FromNumber(2 ** 63, false)).toEqual({ ok: false, why: 'out of range' });
    expect(int64FromNumber(-(2 ** 63), false)).toEqual({
      ok: true,
      text: '-9223372036854775808',
    });
    expect(int64FromNumber(1e21, false)).toEqual({ ok: false, why: 'out of range' });
  });

  it('refuses negatives for uint64, and allows up to 2^64 - 1', () => {
    expect(int64FromNumber(-1, true)).toEqual({ ok: false, why: 'out of range' });
    expect(int64FromNumber(2 ** 63, true)).toEqual({ ok: true, text: '9223372036854775808' });
  });
});

describe('int64FromString', () => {
  it.each([
    ['18734', '18734'],
    ['-7', '-7'],
    ['-0', '0'],
    ['1e3', '1000'],
    ['1E+3', '1000'],
    ['12.0', '12'],
    ['1.50e1', '15'],
    ['100e-2', '1'],
    ['0e999999', '0'],
    ['9223372036854775807', '9223372036854775807'],
  ])('reads %j as %s, exactly', (value, text) => {
    expect(int64FromString(value, false)).toEqual({ ok: true, text });
  });

  it.each(['', 'lots', ' 12', '12 ', '+12', '012', '0x10', '1_000', '1e', '.5', '12.'])(
    'finds no JSON number in %j',
    (value) => {
      expect(int64FromString(value, false)).toBeUndefined();
    },
  );

  it('refuses fractions and values out of range', () => {
    expect(int64FromString('1.5', false)).toEqual({ ok: false, why: 'not an integer' });
    expect(int64FromString('0.05', false)).toEqual({ ok: false, why: 'not an integer' });
    expect(int64FromString('1e-999999', false)).toEqual({ ok: false, why: 'not an integer' });
    expect(int64FromString('9223372036854775808', false)).toEqual({
      ok: false,
      why: 'out of range',
    });
    expect(int64FromString('1e999999', false)).toEqual({ ok: false, why: 'out of range' });
    expect(int64FromString('-1', true)).toEqual({ ok: false, why: 'out of range' });
    expect(int64FromString('18446744073709551615', true)).toEqual({
      ok: true,
      text: '18446744073709551615',
    });
  });
});
