import { mkdir, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CodegenError } from '../errors/codegen-error.js';
import { scratchDir } from '../testing/fixtures.js';
import { DocumentSet } from './document-set.js';

describe('DocumentSet', () => {
  it('loads referenced files eagerly and resolves refs with escapes across files', async () => {
    const dir = scratchDir('document-set');
    await mkdir(`${dir}/sub`, { recursive: true });
    await writeFile(
      `${dir}/root.json`,
      JSON.stringify({ a: { $ref: 'sub/other.yaml#/defs/x~1y' } }),
    );
    await writeFile(
      `${dir}/sub/other.yaml`,
      'defs:\n  x/y:\n    $ref: "#/defs/z"\n  z: {type: string}\n',
    );
    const docs = await DocumentSet.load(`${dir}/root.json`);
    expect(docs.fileCount).toBe(2);
    const resolved = docs.deref(docs.child(docs.root, 'a'));
    expect(resolved.value).toEqual({ type: 'string' });
    expect(resolved.pointer).toBe('/defs/z');
    expect(resolved.via).toHaveLength(2);
  });

  it('names the file and pointer of a dangling reference', async () => {
    const dir = scratchDir('document-set');
    await mkdir(dir, { recursive: true });
    await writeFile(`${dir}/dangling.yaml`, 'a:\n  $ref: "#/nowhere"\n');
    const docs = await DocumentSet.load(`${dir}/dangling.yaml`);
    expect(() => docs.deref(docs.child(docs.root, 'a'))).toThrow(CodegenError);
    expect(() => docs.deref(docs.child(docs.root, 'a'))).toThrow('dangling.yaml#/nowhere');
  });

  it('refuses remote references', async () => {
    const dir = scratchDir('document-set');
    await mkdir(dir, { recursive: true });
    await writeFile(`${dir}/remote.yaml`, 'a:\n  $ref: "https://example.com/s.yaml"\n');
    await expect(DocumentSet.load(`${dir}/remote.yaml`)).rejects.toThrow(/Only local files/);
  });
});
