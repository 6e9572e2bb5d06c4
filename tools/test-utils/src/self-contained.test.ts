import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { outsideReferences } from './outside-references.js';
import { projectFiles } from './project-files.js';

// The repository must build and test from a clone with nothing beside it: no file may read the
// developers' shared/ folder beside it, or anything else outside the repository. (This reads
// every file of the project, so this project's `test` target has the whole workspace as inputs.)

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('the repository', () => {
  it('refers to nothing outside itself', () => {
    const files = projectFiles(ROOT);
    // Not vacuous: the listing reaches every package, this file included.
    expect(files).toContain('tools/test-utils/src/self-contained.test.ts');
    expect(files).toContain('packages/schemas/src/openapi-documents.test.ts');
    const found: string[] = [];
    for (const file of files) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(ROOT, file));
      } catch {
        continue; // deleted since it was listed
      }
      if (bytes.includes(0)) continue; // binary
      for (const r of outsideReferences(file, bytes.toString('utf8'), ROOT)) {
        found.push(`${r.file}:${r.line}: ${r.found} ${r.reason}`);
      }
    }
    expect(found).toEqual([]);
  });
});
