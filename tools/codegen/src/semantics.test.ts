import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateFixtureInto, importGenerated } from './testing/fixtures.js';
import type { AnySchema } from './testing/zod-def.js';
import { shapeOf } from './testing/zod-def.js';

// Behaviour of generated code: each fixture is generated into .generated-test/, then its modules
// are imported and exercised, in both flavours.

type Module = Record<string, AnySchema>;
type Guards = Record<string, (value: unknown) => boolean>;

const dirs = { uploads: '', petstore: '', multi: '' };

beforeAll(async () => {
  [dirs.uploads, dirs.petstore, dirs.multi] = await Promise.all([
    generateFixtureInto('uploads-3.1', 'semantics/uploads'),
    generateFixtureInto('petstore-3.0', 'semantics/petstore'),
    generateFixtureInto('multi', 'semantics/multi'),
  ]);
});

const validUpload = {
  id: 'upload_1',
  fileName: 'a.png',
  status: 'pending',
  createdAt: '2025-06-30T15:15:27.153Z',
};
const validUploadRequest = { fileName: 'a.png', status: 'pending' };

function ok(schema: AnySchema, value: unknown): unknown {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`Expected success, got ${JSON.stringify(result.error)}`);
  return result.data;
}

function rejects(schema: AnySchema, value: unknown): void {
  expect(schema.safeParse(value).success).toBe(false);
}

describe.each(['mini', 'classic'] as const)('generated %s schemas', (flavour) => {
  let u: Module;
  let p: Module;
  let m: Module;
  let enums: Guards;
  beforeAll(async () => {
    u = await importGenerated<Module>(dirs.uploads, `${flavour}.ts`);
    p = await importGenerated<Module>(dirs.petstore, `${flavour}.ts`);
    m = await importGenerated<Module>(dirs.multi, `${flavour}.ts`);
    enums = await importGenerated<Guards>(dirs.uploads, 'enums.ts');
  });

  it('keeps unknown keys in responses and rejects them in requests', () => {
    const parsed = ok(u.Upload!, { ...validUpload, surprise: { nested: true } }) as Record<
      string,
      unknown
    >;
    expect(parsed.surprise).toEqual({ nested: true });
    ok(u.UploadRequest!, validUploadRequest);
    rejects(u.UploadRequest!, { ...validUploadRequest, surprise: 1 });
    // additionalProperties: false is enforced on requests only (responses stay forward-compatible).
    ok(u.Upload!, { ...validUpload, fixed: { a: 'x', b: 1 } });
    rejects(u.UploadRequest!, { ...validUploadRequest, fixed: { a: 'x', b: 1 } });
    ok(u.UploadRequest!, { ...validUploadRequest, extra: { anything: [1] } });
  });

  it('accepts unknown enum values in responses, keeps them raw, and the guard flags them', () => {
    const parsed = ok(u.Upload!, { ...validUpload, status: 'archived' }) as { status: string };
    expect(parsed.status).toBe('archived');
    expect(enums.isKnownUploadStatus!(parsed.status)).toBe(false);
    expect(enums.isKnownUploadStatus!('pending')).toBe(true);
    expect(ok(u.UploadStatus!, 'complete')).toBe('complete');
    rejects(u.UploadStatus!, 42);
    rejects(u.UploadRequest!, { ...validUploadRequest, status: 'archived' });
    rejects(u.UploadStatusRequest!, 'archived');
    // Inline enums get the same treatment, named after their path.
    ok(u.Upload!, { ...validUpload, visibility: 'team' });
    expect(enums.isKnownUploadVisibility!('team')).toBe(false);
    rejects(u.UploadRequest!, { ...validUploadRequest, visibility: 'team' });
    rejects(u.ListUploadsQueryParams!, { 'sort.order': 'sideways' });
  });

  it('handles nullable the 3.0 way and the 3.1 way, inside allOf, additionalProperties and enums', () => {
    // 3.1: type: [string, "null"], enum with null, additionalProperties with null, allOf + null, oneOf + null.
    ok(u.Upload!, { ...validUpload, note: null, color: null, scores: { a: null, b: 1 } });
    ok(u.UploadRequest!, { ...validUploadRequest, note: null, color: null });
    ok(u.Upload!, { ...validUpload, color: 'blue' });
    rejects(u.UploadRequest!, { ...validUploadRequest, color: 'blue' });
    rejects(u.Upload!, { ...validUpload, note: 5 });
    rejects(u.Upload!, { ...validUpload, scores: { a: 'x' } });
    expect(ok(u.NullablePet!, null)).toBeNull();
    ok(u.NullablePet!, { petType: 'Cat', name: 'Tom' });
    expect(ok(u.MaybeShape!, null)).toBeNull();
    ok(u.MaybeShape!, { kind: 'circle', radius: 1 });
    // 3.0: nullable: true on a type, on an allOf wrapper, on an enum with null, in a map.
    const pet = { id: 1, name: null, owner: null, mood: null, weights: { a: null, b: 2.5 } };
    expect(ok(p.Pet!, pet)).toMatchObject(pet);
    ok(p.Pet!, { ...pet, owner: { name: 'Ann' }, mood: 'happy' });
    rejects(p.Pet!, { ...pet, name: 5 });
    rejects(p.Pet!, { ...pet, owner: { name: 7 } });
    rejects(p.Pet!, { ...pet, weights: { a: 'heavy' } });
    ok(p.PetRequest!, { name: null, owner: null, mood: null });
    rejects(p.PetRequest!, { name: null, owner: null, mood: 'sleepy' });
  });

  it('parses discriminated unions with a mapping', () => {
    expect(ok(u.Shape!, { kind: 'circle', radius: 1 })).toEqual({ kind: 'circle', radius: 1 });
    ok(u.Shape!, { kind: 'box', side: 2 });
    ok(u.Shape!, { kind: 'square', side: 2 });
    rejects(u.Shape!, { kind: 'circle', side: 2 });
    ok(u.ShapeRequest!, { kind: 'box', side: 2 });
    rejects(u.ShapeRequest!, { kind: 'circle', radius: 0 });
    rejects(u.ShapeRequest!, { kind: 'circle', radius: 1, extra: true });
  });

  it('parses discriminated unions without a mapping (tags are component names)', () => {
    ok(u.Pet!, { petType: 'Cat', name: 'Tom', livesLeft: 9 });
    ok(u.Pet!, { petType: 'Dog', name: 'Rex', bark: true });
    rejects(u.Pet!, { petType: 'Cat', name: 'Tom' });
    ok(u.PetRequest!, { petType: 'Dog', name: 'Rex' });
    rejects(u.PetRequest!, { petType: 'Dog', name: 'Rex', livesLeft: 1 });
  });

  it('keeps an unknown discriminator value in responses and the guard flags it; requests reject it', () => {
    const hexagon = { kind: 'hexagon', sides: 6 };
    expect(ok(u.Shape!, hexagon)).toEqual(hexagon);
    expect(enums.isKnownShape!(hexagon)).toBe(false);
    expect(enums.isKnownShape!(ok(u.Shape!, { kind: 'box', side: 1 }))).toBe(true);
    rejects(u.ShapeRequest!, hexagon);
    ok(u.Pet!, { petType: 'Parrot', words: 12 });
    rejects(u.PetRequest!, { petType: 'Parrot', name: 'Polly' });
    rejects(u.Shape!, { sides: 6 });
  });

  it('gives a component that only requests use one strict schema under its own name', () => {
    ok(u.CompleteUploadRequest!, { action: 'complete' });
    rejects(u.CompleteUploadRequest!, { action: 'complete', extra: 1 });
    rejects(u.CompleteUploadRequest!, { action: 'abort' });
    expect(u).not.toHaveProperty('CompleteUploadRequestRequest');
    expect(u.CompleteUploadBody).toBe(u.CompleteUploadRequest);
  });

  it('merges allOf of a $ref and inline properties', () => {
    expect(Object.keys(shapeOf(u.Cat!))).toEqual(['petType', 'name', 'nickname', 'livesLeft']);
    ok(u.CatRequest!, { petType: 'Cat', name: 'Tom', livesLeft: 9 });
    rejects(u.CatRequest!, { petType: 'Cat', name: 'Tom', livesLeft: 9, bark: true });
    rejects(u.CatRequest!, { petType: 'Cat', livesLeft: 9 });
  });

  it('parses a recursive tree three levels deep', () => {
    const tree = {
      name: 'root',
      children: [{ name: 'a', children: [{ name: 'a1', folder: { root: { name: 'deep' } } }] }],
    };
    expect(ok(u.TreeNode!, tree)).toEqual(tree);
    rejects(u.TreeNode!, { name: 'root', children: [{ name: 'a', children: [{ name: 3 }] }] });
    expect(ok(u.TreeNodeRequest!, tree)).toEqual({
      name: 'root',
      children: [
        { name: 'a', children: [{ name: 'a1', folder: { root: { name: 'deep' }, mode: 'rw' } }] },
      ],
    });
    rejects(u.TreeNodeRequest!, {
      name: 'r',
      children: [{ name: 'a', children: [{ name: 'b', x: 1 }] }],
    });
  });

  it('keeps int64 strings as strings and int64 numbers as numbers', async () => {
    const big = '9007199254740993';
    const parsed = ok(u.Upload!, { ...validUpload, sizeBytes: big, partCount: 42 }) as Record<
      string,
      unknown
    >;
    expect(parsed.sizeBytes).toBe(big);
    expect(typeof parsed.partCount).toBe('number');
    rejects(u.Upload!, { ...validUpload, sizeBytes: '12a' });
    rejects(u.Upload!, { ...validUpload, sizeBytes: 12 });
    rejects(u.Upload!, { ...validUpload, partCount: 1.5 });
    rejects(u.Upload!, { ...validUpload, partCount: '42' });
    rejects(u.UploadRequest!, { ...validUploadRequest, sizeBytes: '-' });
    expect(ok(p.GetPetPathParams!, { petId: 5 })).toEqual({ petId: 5 });
    expect(
      typeof (ok(p.Pet!, { id: 2 ** 60, name: 'x', owner: null, mood: null }) as { id: unknown })
        .id,
    ).toBe('number');
    expect((ok(m.Money!, { amount: '-12', currency: 'EUR' }) as { amount: unknown }).amount).toBe(
      '-12',
    );

    const int64 = await importGenerated<{
      toBigInt(s: unknown): bigint;
      isInt64String(s: unknown): boolean;
    }>(dirs.uploads, 'int64.ts');
    expect(int64.toBigInt(big)).toBe(9007199254740993n);
    expect(int64.toBigInt('-9223372036854775808')).toBe(-(2n ** 63n));
    expect(() => int64.toBigInt('12a')).toThrow(
      /Expected an int64 decimal string such as "42", got "12a"/,
    );
    expect(() => int64.toBigInt(12)).toThrow(TypeError);
    expect(() => int64.toBigInt('99999999999999999999999')).toThrow(RangeError);
    expect(int64.isInt64String('18446744073709551615')).toBe(true);
    expect(int64.isInt64String('1.5')).toBe(false);
  });

  it('validates date-time as an ISO string with offset', () => {
    rejects(u.Upload!, { ...validUpload, createdAt: 'yesterday' });
    rejects(u.Upload!, { ...validUpload, createdAt: '2025-06-30' });
    ok(u.Upload!, { ...validUpload, createdAt: '2025-06-30T15:15:27+02:00' });
    ok(u.Upload!, { ...validUpload, createdAt: '2025-06-30T15:15:27Z' });
  });

  it('leaves readOnly properties out of request schemas and writeOnly ones out of responses', () => {
    expect(shapeOf(u.Upload!)).toHaveProperty('id');
    expect(shapeOf(u.UploadRequest!)).not.toHaveProperty('id');
    expect(shapeOf(u.UploadRequest!)).not.toHaveProperty('createdAt');
    rejects(u.UploadRequest!, { ...validUploadRequest, id: 'upload_1' });
    expect(shapeOf(u.UploadRequest!)).toHaveProperty('secret');
    expect(shapeOf(u.Upload!)).not.toHaveProperty('secret');
    rejects(p.PetRequest!, { id: 1, name: null, owner: null, mood: null });
  });

  it('applies defaults in request schemas only', () => {
    expect(ok(u.UploadRequest!, validUploadRequest)).toEqual({
      ...validUploadRequest,
      visibility: 'private',
      parts: 1,
    });
    expect(ok(u.UploadRequest!, { ...validUploadRequest, parts: 3 })).toMatchObject({ parts: 3 });
    rejects(u.UploadRequest!, { ...validUploadRequest, parts: 0 });
    expect(ok(u.Upload!, validUpload)).toEqual(validUpload);
    expect(ok(u.ListUploadsQueryParams!, {})).toEqual({ limit: 20 });
    expect(ok(p.PetRequest!, { name: 'a', owner: null, mood: null })).toMatchObject({
      tag: 'none',
    });
  });

  it('checks formats and constraints on requests, stays lenient on responses', () => {
    // A GUID that is not an RFC 9562 UUID (variant nibble 1): fine from a server, refused in a request.
    const guid = '12345678-1234-1234-1234-123456789abc';
    ok(u.Upload!, { ...validUpload, ownerId: guid });
    rejects(u.UploadRequest!, { ...validUploadRequest, ownerId: guid });
    ok(u.Upload!, { ...validUpload, email: 'not an email', homepage: 'not a url', fileName: '' });
    rejects(u.UploadRequest!, { ...validUploadRequest, email: 'not an email' });
    rejects(u.UploadRequest!, { ...validUploadRequest, homepage: 'not a url' });
    rejects(u.UploadRequest!, { ...validUploadRequest, ownerId: 'nope' });
    rejects(u.UploadRequest!, { ...validUploadRequest, fileName: '' });
    rejects(u.UploadRequest!, { ...validUploadRequest, checksum: '***' });
    ok(u.UploadRequest!, { ...validUploadRequest, checksum: 'aGVsbG8=', email: 'a@b.co' });
  });

  it('follows references across files, including ~0/~1 pointer escapes', () => {
    const order = {
      total: { amount: '100', currency: 'EUR' },
      tags: ['a/b'],
      flavour: 'vanilla',
      shipTo: { city: 'Oslo' },
    };
    expect(ok(m.OrderRequest!, order)).toEqual(order);
    rejects(m.OrderRequest!, { ...order, tags: ['nope'] });
    ok(m.Order!, { ...order, tags: ['nope'], flavour: 'mint' });
    rejects(m.OrderRequest!, { ...order, flavour: 'mint' });
    rejects(m.OrderRequest!, { ...order, shipTo: { city: 'Oslo', country: 'NOK' } });
  });

  it('implements Standard Schema (what core-http uses)', () => {
    const standard = (
      u.Upload as unknown as { '~standard': { validate(v: unknown): unknown; vendor: string } }
    )['~standard'];
    expect(standard.vendor).toBe('zod');
    expect(standard.validate(validUpload)).toEqual({ value: validUpload });
  });
});

describe('generated operations table', () => {
  it('describes each operation with plain objects that reference the standard schemas', async () => {
    const ops = await importGenerated<Record<string, Record<string, unknown>>>(
      dirs.uploads,
      'operations.ts',
    );
    const standard = await importGenerated<Module>(dirs.uploads, 'standard.ts');
    expect(ops.createUpload).toEqual({
      operationId: 'createUpload',
      method: 'POST',
      path: '/workspaces/{workspaceId}/uploads',
      pathParams: ['workspaceId'],
      queryParams: [],
      body: standard.CreateUploadBody,
      response: standard.CreateUploadResponse,
    });
    expect(ops.createUpload!.body).toBe(standard.UploadRequest);
    expect(ops.listUploads!.queryParams).toEqual(['status', 'limit', 'sort.order']);
    expect(ops.getUpload!.pathParams).toEqual(['workspaceId', 'id']);
    expect(ops.deleteUpload).toMatchObject({
      deprecated: true,
      response: undefined,
      method: 'DELETE',
    });
    expect(ops.streamTreeEvents!.response).toBeUndefined();
    expect(ops.createPet!.response).toBe(standard.CreatePetResponse201);
    expect(Object.keys(ops.operations!)).toEqual([
      'createUpload',
      'listUploads',
      'getUpload',
      'deleteUpload',
      'completeUpload',
      'createPet',
      'putShape',
      'streamTreeEvents',
      'createTree',
    ]);
    // Every documented JSON response has a schema; the 2xx one is marked as the success response.
    expect(standard.GetUploadResponse404).toBe(standard.Error);
    expect(standard.GetUploadResponse).toBe(standard.GetUploadResponse200);
    expect(standard.CreateUploadResponseDefault).toBe(standard.Error);
    const source = await readFile(`${dirs.uploads}/operations.ts`, 'utf8');
    expect(source).not.toMatch(/core-http|zod/);
  });
});

describe('documentation in generated code', () => {
  it('carries descriptions, deprecation and summaries over as TSDoc', async () => {
    for (const file of ['mini.ts', 'classic.ts']) {
      const source = await readFile(`${dirs.uploads}/${file}`, 'utf8');
      expect(source).toMatch(/\/\*\*\n \* An upload of one file\.\n \*\/\nexport const Upload = /);
      expect(source).toMatch(/\/\*\*\n {3}\* Identifier, set by the server\.\n/);
      expect(source).toMatch(
        / {3}\* Former name\.\n {3}\*\n {3}\* @deprecated\n {3}\*\/\n {2}oldName:/,
      );
      expect(source).toContain('Name of the file *\\/ with a comment terminator.');
      expect(source).toContain('@default "private"');
    }
    const ops = await readFile(`${dirs.uploads}/operations.ts`, 'utf8');
    expect(ops).toMatch(
      /\/\*\*\n \* Create an upload\n \*\n \* Creates an upload and returns presigned part URLs\.\n/,
    );
    expect(ops).toMatch(/ \* @deprecated\n \*\/\nexport const deleteUpload = /);
    expect(ops).toContain('The 200 response is text/event-stream, not JSON');
  });

  it('uses z.discriminatedUnion, z.lazy and pure annotations in zod/mini', async () => {
    const source = await readFile(`${dirs.uploads}/mini.ts`, 'utf8');
    expect(source).toContain(`import * as z from 'zod/mini';`);
    expect(source).toContain(`z.discriminatedUnion('kind', [`);
    expect(source).toContain('z.lazy(() => TreeNode)');
    expect(source).toMatch(/export const TreeNode: z\.ZodMiniType<TreeNode> = /);
    // Every zod call is marked pure, so bundlers drop the schemas a client does not use.
    const calls = source.match(/(?<![.\w])z\.[a-zA-Z_.]+\(/g) ?? [];
    const marked = source.match(/\/\* @__PURE__ \*\/\s*z\.[a-zA-Z_.]+\(/g) ?? [];
    expect(calls.length).toBeGreaterThan(50);
    expect(marked.length).toBe(calls.length);
  });
});
