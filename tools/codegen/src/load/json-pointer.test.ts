import { describe, expect, it } from 'vitest';
import { appendPointer, fragmentToPointer, getAtPointer, parsePointer } from './json-pointer.js';

describe('JSON pointers', () => {
  it('unescapes ~1 to / and ~0 to ~ (in that order)', () => {
    expect(parsePointer('/paths/~1uploads~1{id}/get')).toEqual(['paths', '/uploads/{id}', 'get']);
    expect(parsePointer('/a~01')).toEqual(['a~1']);
    expect(parsePointer('')).toEqual([]);
  });

  it('escapes when appending', () => {
    expect(appendPointer('/paths', '/a/b', 'x~y')).toBe('/paths/~1a~1b/x~0y');
    expect(parsePointer(appendPointer('', 'a~1/b'))).toEqual(['a~1/b']);
  });

  it('percent-decodes URI fragments', () => {
    expect(fragmentToPointer('#/paths/~1a~1%7Bid%7D')).toBe('/paths/~1a~1{id}');
  });

  it('looks values up, including array indexes, and misses cleanly', () => {
    const doc = { a: [{ b: 1 }], 'x/y': { '~': 2 } };
    expect(getAtPointer(doc, '/a/0/b')).toBe(1);
    expect(getAtPointer(doc, '/x~1y/~0')).toBe(2);
    expect(getAtPointer(doc, '/a/1')).toBeUndefined();
    expect(getAtPointer(doc, '/a/01')).toBeUndefined();
    expect(getAtPointer(doc, '/a/0/b/c')).toBeUndefined();
    expect(getAtPointer(doc, '/toString')).toBeUndefined();
  });
});
