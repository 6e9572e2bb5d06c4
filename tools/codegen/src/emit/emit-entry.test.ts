import { describe, expect, it } from 'vitest';
import { emitEntry } from './emit-entry.js';

describe('emitEntry', () => {
  it('lists values and type-only names explicitly, a value covering its same-named type', () => {
    const entry = emitEntry([
      {
        file: 'mini.ts',
        content: [
          'export const Upload = z.object({});',
          'export type Upload = z.output<typeof Upload>;',
          'export type Tree = { children: Tree[] };',
          'export interface Node { id: string }',
          'export function isKnownKind(v: string): boolean { return true; }',
          'const hidden = 1;',
        ].join('\n'),
      },
      {
        file: 'types.ts',
        content: 'export interface paths {}\n',
        rename: { paths: 'CadenyaPaths' },
      },
    ]);
    expect(entry).toBe(
      [
        "export { Upload, isKnownKind } from './mini.js';",
        "export type { Tree, Node } from './mini.js';",
        "export type { paths as CadenyaPaths } from './types.js';",
        '',
      ].join('\n'),
    );
    expect(entry).not.toContain('hidden');
  });

  it('refuses a name exported by two modules', () => {
    expect(() =>
      emitEntry([
        { file: 'a.ts', content: 'export const X = 1;' },
        { file: 'b.ts', content: 'export const X = 2;' },
      ]),
    ).toThrow(/X is exported twice/);
  });
});
