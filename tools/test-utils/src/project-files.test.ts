import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { gitProjectFiles, projectFiles, walkProjectFiles } from './project-files.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const THIS_FILE = 'tools/test-utils/src/project-files.test.ts';
const scratch = mkdtempSync(join(tmpdir(), 'upkit-project-files-'));
// From an unpacked tarball (no git) only the fallback can be tested.
const inGit = gitProjectFiles(ROOT) !== undefined;

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('projectFiles', () => {
  it.runIf(inGit)('lists the repository through git, without what it ignores', () => {
    const files = gitProjectFiles(ROOT);
    expect(files).toBeDefined();
    expect(files).toContain(THIS_FILE);
    expect(files).toContain('package.json');
    expect(files!.some((f) => /(^|\/)(node_modules|\.nx|out-tsc)\//.test(f))).toBe(false);
    expect(projectFiles(ROOT)).toContain(THIS_FILE);
  });

  it.runIf(inGit)(
    'walks the tree like git when there is no repository, skipping what .gitignore ignores',
    () => {
      const walked = walkProjectFiles(ROOT);
      expect(walked).toContain(THIS_FILE);
      // Every tracked file (compared with the tracked ones only: other new files come and go).
      const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
        .split('\0')
        .filter((f) => f !== '' && existsSync(join(ROOT, f)));
      expect(tracked.length).toBeGreaterThan(100);
      expect(walked).toEqual(expect.arrayContaining(tracked));
      // Nothing the walk keeps is ignored by git (node_modules, dist, .nx, .generated-test…).
      const check = spawnSync('git', ['check-ignore', '--no-index', '--stdin'], {
        cwd: ROOT,
        input: walked.join('\n'),
        encoding: 'utf8',
      });
      expect(check.stdout).toBe('');
      expect(check.status).toBe(1); // 1: none of them is ignored
    },
  );

  it('falls back to the walk outside a git repository', () => {
    mkdirSync(join(scratch, 'src/dist'), { recursive: true });
    mkdirSync(join(scratch, 'node_modules/x'), { recursive: true });
    writeFileSync(join(scratch, '.gitignore'), 'node_modules/\n**/dist/\n/*.log\n');
    writeFileSync(join(scratch, 'a.ts'), '');
    writeFileSync(join(scratch, 'a.log'), '');
    writeFileSync(join(scratch, 'src/b.log'), '');
    writeFileSync(join(scratch, 'src/dist/c.js'), '');
    writeFileSync(join(scratch, 'node_modules/x/d.js'), '');
    expect(gitProjectFiles(scratch)).toBeUndefined();
    expect(projectFiles(scratch)).toEqual(['.gitignore', 'a.ts', 'src/b.log']);
  });
});
