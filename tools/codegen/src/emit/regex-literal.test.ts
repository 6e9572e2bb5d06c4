import { describe, expect, it } from 'vitest';
import { regexLiteral } from './regex-literal.js';

const compile = (literal: string) => new Function(`return ${literal}`)() as RegExp;

describe('regexLiteral', () => {
  it('escapes slashes outside classes and keeps escapes', () => {
    const literal = regexLiteral('^[a-z]+/[a-z/]+\\/x$')!;
    expect(literal).toBe('/^[a-z]+\\/[a-z/]+\\/x$/u');
    expect(compile(literal).test('ab/c/d/x')).toBe(true);
  });

  it('uses Unicode semantics when the pattern allows, and drops invalid patterns', () => {
    expect(regexLiteral('^\\p{L}+$')).toBe('/^\\p{L}+$/u');
    expect(compile(regexLiteral('^\\p{L}+$')!).test('été')).toBe(true);
    expect(regexLiteral('^a\\-b$')).toBe('/^a\\-b$/');
    expect(regexLiteral('(?i)abc')).toBeUndefined();
  });
});
