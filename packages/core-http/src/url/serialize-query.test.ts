import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../errors/validation-issue.js';
import { serializeQuery } from './serialize-query.js';

describe('serializeQuery', () => {
  it('writes scalars, repeats arrays and skips undefined/null', () => {
    const query = serializeQuery(
      {
        projectId: 'proj 1',
        limit: 10,
        big: 12345678901234567890n,
        hide: false,
        skipped: undefined,
        empty: null,
        ids: ['a', undefined, 'b&c'],
        since: new Date('2025-06-30T15:15:27.153Z'),
      },
      [],
    );
    expect(query).toBe(
      'projectId=proj%201&limit=10&big=12345678901234567890&hide=false&ids=a&ids=b%26c&since=2025-06-30T15%3A15%3A27.153Z',
    );
    expect(new URLSearchParams(query).getAll('ids')).toEqual(['a', 'b&c']);
  });

  it('is empty when there is nothing to send', () => {
    expect(serializeQuery(undefined, [])).toBe('');
    expect(serializeQuery({ a: undefined }, [])).toBe('');
  });

  it('reports values without one obvious encoding as issues, writing the rest', () => {
    for (const value of [Number.NaN, Infinity, new Date('nope'), { a: 1 }, [[1]]]) {
      const issues: ValidationIssue[] = [];
      expect(serializeQuery({ bad: value, ok: 1 }, issues)).toBe('ok=1');
      expect(issues.map((issue) => issue.path)).toEqual([['query', 'bad']]);
    }
  });
});
