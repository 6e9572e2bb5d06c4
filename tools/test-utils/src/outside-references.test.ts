import { describe, expect, it } from 'vitest';
import { outsideReferences } from './outside-references.js';

// The bad examples are assembled at run time (`up(5)` is five `../`, `dots(2)` two `'..'`
// arguments, SHARED the reading folder's name), so that this file itself has none of what the
// repository-wide check looks for.
const up = (levels: number) => '../'.repeat(levels);
const SHARED = ['sha', 'red'].join('');
const dots = (levels: number) => Array.from({ length: levels }, () => "'..'").join(', ');
const ROOT = '/home/dev/src/upkit';
const SHARED_REASON =
  '(refers to the shared/ folder beside the repository, which a clone does not have)';
const check = (file: string, text: string) =>
  outsideReferences(file, text, ROOT).map((r) => `${r.line}: ${r.found} (${r.reason})`);

describe('outsideReferences', () => {
  it('finds the shared/ reading folder beside the repository, however it is reached', () => {
    const text = [
      `const SPEC = new URL('${up(4)}${SHARED}/reference/spec.yml', import.meta.url);`,
      `readFileSync(\`${SHARED}/seeds/\${file}\`);`,
      `cp ${up(1)}${SHARED}/x .`,
    ].join('\n');
    expect(check('packages/schemas/src/a.test.ts', text)).toEqual([
      `1: ${up(4)}${SHARED} ${SHARED_REASON}`,
      `1: ${up(4)}${SHARED}/reference/spec.yml (resolves above the repository root)`,
      `2: ${SHARED}/seeds ${SHARED_REASON}`,
      `3: ${up(1)}${SHARED} ${SHARED_REASON}`,
    ]);
    expect(check('.ci/run', `ls "${up(1)}${SHARED}"`)).toHaveLength(1);
  });

  it('finds relative paths that climb above the repository root, and only those', () => {
    const file = 'packages/sandbox/src/testing/seeds.ts';
    const text = [
      `new URL(\`${up(5)}elsewhere/\${file}\`, import.meta.url);`,
      `new URL('${up(4)}README.md', import.meta.url);`,
      `import x from '${up(5)}outside.js';`,
      `readFileSync("${up(2)}openapi/a.yaml");`,
      `resolve(__dirname, ${dots(4)}, 'x');`,
      `join(dirname(fileURLToPath(import.meta.url)), ${dots(5)}, 'y');`,
      `path.join(import.meta.dirname, '${up(3)}', 'z');`,
      `resolve(__dirname, '..', 'fine');`,
    ].join('\n');
    expect(check(file, text).map((f) => f.split(':')[0])).toEqual(['1', '3', '6']);
    // One level less is inside: tools/x/… may climb two folders, not three.
    expect(check('tools/x/tsconfig.json', `{ "extends": "${up(2)}tsconfig.base.json" }`)).toEqual(
      [],
    );
    expect(check('tools/x/tsconfig.json', `{ "extends": "${up(3)}tsconfig.base.json" }`)).toEqual([
      `1: ${up(3)}tsconfig.base.json (resolves above the repository root)`,
    ]);
    expect(check('a.yaml', `$ref: '..'`)).toHaveLength(1);
  });

  it('finds absolute paths into the folder that holds the repository', () => {
    expect(
      check('scripts/x.sh', `cat ${ROOT}/README.md /home/dev/src/other/y.txt /etc/hosts`),
    ).toEqual([
      `1: ${ROOT}/README.md (is an absolute path on this machine)`,
      '1: /home/dev/src/other/y.txt (is an absolute path on this machine)',
    ]);
    // A repository right under the file system's root: no such folder to leave.
    expect(outsideReferences('x.ts', `'/etc/hosts'`, '/upkit')).toEqual([]);
  });

  it('leaves Markdown prose and ordinary paths alone', () => {
    expect(check('README.md', `copied from ${up(1)}${SHARED}/reference/`)).toEqual([]);
    expect(
      check(
        'tools/codegen/src/__fixtures__/multi/main.yaml',
        `$ref: './${SHARED}/common.yaml#/components/schemas/Money'`,
      ),
    ).toEqual([]);
    expect(check('src/a.ts', `import { b } from './b.js'; const c = '..';`)).toEqual([]);
  });
});
