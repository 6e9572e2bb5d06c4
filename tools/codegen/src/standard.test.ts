import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertSameVerdict, compareModules } from './testing/compare-flavours.js';
import type { StandardLike } from './testing/compare-flavours.js';
import { FIXTURES, generateFixtureInto, importGenerated } from './testing/fixtures.js';
import type { FixtureName } from './testing/fixtures.js';
import type { AnySchema } from './testing/zod-def.js';

// The zod-free flavour (standard.ts) against zod/mini (mini.ts): both come from one walker over
// the same model and must accept and reject the same values, with equal outputs.

type Module = Record<string, unknown>;
const names = Object.keys(FIXTURES) as FixtureName[];
const dirs = {} as Record<FixtureName, string>;

beforeAll(async () => {
  await Promise.all(
    names.map(async (name) => {
      dirs[name] = await generateFixtureInto(name, `standard/${name}`);
    }),
  );
});

function validate(schema: unknown, value: unknown) {
  return (schema as StandardLike)['~standard'].validate(value) as {
    value?: unknown;
    issues?: { message: string; path: PropertyKey[] }[];
  };
}

describe.each(names)('standard.ts of %s', (name) => {
  let mini: Module;
  let standard: Module;
  beforeAll(async () => {
    mini = await importGenerated(dirs[name], 'mini.ts');
    standard = await importGenerated(dirs[name], 'standard.ts');
  });

  it('exports every schema of mini.ts, each a Standard Schema v1 of vendor upkit', () => {
    for (const [key, value] of Object.entries(mini)) {
      if (typeof value !== 'object' || value === null || !('_zod' in value)) continue;
      const props = (standard[key] as StandardLike | undefined)?.['~standard'];
      expect(props, key).toMatchObject({ version: 1, vendor: 'upkit' });
    }
  });

  it('accepts and rejects what zod/mini does, with equal outputs (generated and mutated values)', () => {
    const { schemas, values } = compareModules(mini, standard, {
      valid: 30,
      mutated: 45,
      json: 10,
    });
    expect(schemas).toBeGreaterThan(5);
    expect(values).toBe(schemas * 85);
  });

  it('imports no zod', async () => {
    const source = await readFile(`${dirs[name]}/standard.ts`, 'utf8');
    const runtime = await readFile(`${dirs[name]}/standard-runtime.ts`, 'utf8');
    expect(source).not.toMatch(/from 'zod/);
    expect(runtime).not.toMatch(/\bimport\b/);
    const operations = await readFile(`${dirs[name]}/operations.ts`, 'utf8');
    expect(operations).toMatch(/from '\.\/standard\.js'/);
  });
});

describe('standard validators', () => {
  let u: Module;
  let e: Module;
  let uMini: Module;
  let eMini: Module;
  beforeAll(async () => {
    u = await importGenerated(dirs['uploads-3.1'], 'standard.ts');
    e = await importGenerated(dirs['edge-3.1'], 'standard.ts');
    uMini = await importGenerated(dirs['uploads-3.1'], 'mini.ts');
    eMini = await importGenerated(dirs['edge-3.1'], 'mini.ts');
  });
  const upload = {
    id: 'upload_1',
    fileName: 'a.png',
    status: 'pending',
    createdAt: '2025-06-30T15:15:27.153Z',
  };

  it('accept exactly the calendar days and date-times zod accepts (leap years, month lengths)', () => {
    const days = [
      ...['2024-02-29', '2000-02-29', '0004-02-29', '1600-02-29', '2023-02-28', '2023-12-31'],
      ...['2023-02-29', '1900-02-29', '0100-02-29', '2100-02-29', '2023-04-31', '2023-06-31'],
      ...['2023-13-01', '2023-00-10', '2023-01-00', '2023-01-32', '23-01-01', '2023-1-01'],
      ...['0000-02-29', '9999-12-31', '2023-01-01 ', ' 2023-01-01', '２０２３-01-01'],
    ];
    const times = [
      ...['T00:00:00Z', 'T23:59:59.999999+14:00', 'T12:00:00-05:30', 'T12:00:00.Z'],
      ...['T24:00:00Z', 'T12:60:00Z', 'T12:00:60Z', 'T12:00Z', 'T12:00:00', 'T12:00:00z'],
      ...['T12:00:00+24:00', 'T12:00:00+0530', 't12:00:00Z', 'T12:00:00.5+01:00'],
    ];
    let accepted = 0;
    for (const day of days) {
      const request = { day, count: 0 };
      assertSameVerdict(
        'EverythingRequest',
        eMini.EverythingRequest as AnySchema,
        e.EverythingRequest as StandardLike,
        request,
      );
      for (const time of times) {
        const value = { ...upload, createdAt: day + time };
        assertSameVerdict('Upload', uMini.Upload as AnySchema, u.Upload as StandardLike, value);
        if (!validate(u.Upload, value).issues) accepted++;
      }
    }
    // Both verdicts occur, so the comparison above cannot pass by accepting (or refusing) all.
    expect(accepted).toBeGreaterThan(20);
    expect(accepted).toBeLessThan(days.length * times.length);
  });

  it('report short messages with the path to the problem', () => {
    expect(validate(u.Upload, { ...upload, fileName: 3 }).issues).toEqual([
      { message: 'expected string', path: ['fileName'] },
    ]);
    expect(validate(u.Upload, { ...upload, labels: { a: 1 } }).issues).toEqual([
      { message: 'expected string', path: ['labels', 'a'] },
    ]);
    expect(validate(u.UploadRequest, { fileName: 'a', status: 'pending', x: 1 }).issues).toEqual([
      { message: "unknown key 'x'", path: [] },
    ]);
    expect(validate(u.UploadRequest, { fileName: 'a', status: 'gone' }).issues).toEqual([
      { message: 'expected one of: pending, complete, failed', path: ['status'] },
    ]);
    const { createdAt: _createdAt, ...withoutDate } = upload;
    expect(validate(u.Upload, withoutDate).issues).toEqual([
      { message: 'required', path: ['createdAt'] },
    ]);
    expect(validate(u.Upload, { ...upload, createdAt: 'yesterday' }).issues).toEqual([
      { message: 'expected an ISO 8601 date-time with offset', path: ['createdAt'] },
    ]);
    expect(validate(u.Upload, null).issues).toEqual([{ message: 'expected object', path: [] }]);
    expect(validate(u.CreateTreeBody, { name: 'a', children: [{ name: 1 }] }).issues).toEqual([
      { message: 'expected string', path: ['children', 0, 'name'] },
    ]);
    expect(validate(u.ShapeRequest, { kind: 'hexagon' }).issues).toEqual([
      { message: 'expected one of: circle, square, box', path: ['kind'] },
    ]);
    expect(validate(u.UploadRequest, { fileName: '', status: 'pending' }).issues).toEqual([
      { message: 'expected at least 1 characters', path: ['fileName'] },
    ]);
    expect(validate(e.EverythingRequest, { day: '2025-01-01', count: 1, small: 9 }).issues).toEqual(
      [{ message: 'expected <= 5', path: ['small'] }],
    );
  });

  it('keep unknown keys of responses and fill in defaults of requests', () => {
    expect(validate(u.Upload, { ...upload, extra: { a: [1] }, surprise: true })).toEqual({
      value: { ...upload, extra: { a: [1] }, surprise: true },
    });
    const first = validate(e.EverythingRequest, { day: '2025-01-01', count: 1 }).value as {
      options: object;
      list: number[];
    };
    const second = validate(e.EverythingRequest, { day: '2025-01-01', count: 1 }).value as {
      options: object;
    };
    expect(first).toEqual({ day: '2025-01-01', count: 1, options: { a: 1 }, list: [1] });
    // Each result gets its own default object.
    expect(first.options).not.toBe(second.options);
  });

  it('agree with zod/mini on hand-picked edge cases', () => {
    const cases: [Module, Module, string, unknown][] = [
      [
        uMini,
        u,
        'Upload',
        JSON.parse(
          `{"__proto__": {"id": 1}, "id": "u", "fileName": "a", "status": "x", "createdAt": "2025-06-30T15:15:27Z"}`,
        ),
      ],
      [
        uMini,
        u,
        'UploadRequest',
        JSON.parse(`{"__proto__": 1, "fileName": "a", "status": "pending"}`),
      ],
      [uMini, u, 'Upload', { ...upload, constructor: 1 }],
      [
        uMini,
        u,
        'UploadRequest',
        { fileName: 'a', status: 'pending', homepage: ' https://x.y/\n ' },
      ],
      [uMini, u, 'UploadRequest', { fileName: 'a', status: 'pending', parts: 2 ** 53 }],
      [uMini, u, 'Pet', { petType: 'Parrot', words: 1 }],
      [uMini, u, 'Pet', { petType: 'Cat', name: 'Tom' }],
      [uMini, u, 'TreeNodeRequest', { name: 'a', folder: { root: { name: 'b' } } }],
      [eMini, e, 'RefPartsRequest', { id: 'x', a: 'y' }],
      [eMini, e, 'RefPartsRequest', { id: 'x', a: 'y', b: 1 }],
      [eMini, e, 'RefPartsRequest', { id: 'x', a: 'y', c: 1 }],
      [eMini, e, 'WithOneOfRequest', { shared: 's', b: 2 }],
      [eMini, e, 'WordsRequest', 'abc'],
      [eMini, e, 'WordsRequest', 'abcdef'],
      [
        eMini,
        e,
        'EverythingRequest',
        { day: '2024-02-29', count: 0, ratio: 0.3, v6: '::ffff:1.2.3.4' },
      ],
      [eMini, e, 'EverythingRequest', { day: '2023-02-29', count: 0 }],
      [eMini, e, 'EverythingRequest', { day: '2024-01-01', count: 0, meta: { kind: 'k', n: 1.5 } }],
      [eMini, e, 'MaybeKinded', null],
      [eMini, e, 'InlineVariantsRequest', { type: 'size', size: 1 }],
    ];
    for (const [zod, standard, key, value] of cases) {
      assertSameVerdict(key, zod[key] as AnySchema, standard[key] as StandardLike, value);
    }
  });
});
