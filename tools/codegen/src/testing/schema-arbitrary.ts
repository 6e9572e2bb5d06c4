import fc from 'fast-check';
import type { AnySchema } from './zod-def.js';

type Def = Record<string, unknown> & { type: string };
type Check = { _zod: { def: Record<string, unknown> & { check: string } } };

const json = fc.jsonValue({ maxDepth: 2 });

/**
 * Values that a generated zod schema probably accepts, read from its definition: the right types,
 * formats, enum values, required keys and some optional ones (and, for open objects, extra keys).
 * Only "probably": constraints are approximated, which is fine for comparing two flavours, since
 * the values near the edge are the interesting ones.
 */
export function validish(schema: AnySchema, depth = 0): fc.Arbitrary<unknown> {
  const def = schema._zod.def as Def;
  const checks = ((def.checks as Check[] | undefined) ?? []).map((c) => c._zod.def);
  const checkValue = (name: string) =>
    checks.find((c) => c.check === name) as
      { value?: number; minimum?: number; maximum?: number } | undefined;
  switch (def.type) {
    case 'string': {
      const format = def.format as string | undefined;
      const pattern = checks.find((c) => c.format === 'regex')?.pattern as RegExp | undefined;
      if (pattern?.source === '^-?\\d+$') return fc.bigInt().map(String);
      if (pattern?.source === '^\\d+$') return fc.bigInt({ min: 0n }).map(String);
      if (pattern?.source === '^[a-z]+$') return fc.stringMatching(/^[a-z]{1,4}$/);
      const min = checkValue('min_length')?.minimum ?? 0;
      const max = checkValue('max_length')?.maximum ?? Math.max(min, 8);
      switch (format) {
        case 'datetime':
          return fc
            .date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) })
            .chain((d) =>
              fc.constantFrom(
                d.toISOString(),
                d.toISOString().replace('Z', '+02:00'),
                d.toISOString().slice(0, 19) + 'Z',
                d.toISOString().slice(0, 10),
              ),
            );
        case 'date':
          return fc
            .date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) })
            .map((d) => d.toISOString().slice(0, 10));
        case 'duration':
          return fc.constantFrom('P1D', 'PT1H30M', 'P1W', 'P', 'PT', 'P1Y2M3DT4H5M6.5S');
        case 'guid':
        case 'uuid':
          return fc.oneof(fc.uuid(), fc.constant('12345678-1234-1234-1234-123456789abc'));
        case 'email':
          return fc.constantFrom('a@b.co', 'first.last+tag@example.org', 'nope', 'a@b');
        case 'url':
          return fc.constantFrom(
            'https://example.com/a?b=1',
            ' http://x.y ',
            'not a url',
            'a:b',
            'https://exa\nmple.com',
          );
        case 'hostname':
          return fc.oneof(fc.domain(), fc.constantFrom('-bad-', 'a..b', 'localhost.'));
        case 'ipv4':
          return fc.oneof(fc.ipV4(), fc.constant('256.1.1.1'));
        case 'ipv6':
          return fc.oneof(fc.ipV6(), fc.constantFrom('::1', '::@1', '1::2::3', '::ffff:1.2.3.4'));
        case 'base64':
          return fc.oneof(
            fc.base64String({ maxLength: 12 }),
            fc.constantFrom('', 'a b=', 'abc', '***='),
          );
        default:
          return fc.string({ minLength: min, maxLength: max });
      }
    }
    case 'number': {
      const format = def.format as string | undefined;
      if (format === 'int32') return fc.integer({ min: -(2 ** 31) - 1, max: 2 ** 31 });
      if (format === 'uint32') return fc.integer({ min: -1, max: 2 ** 32 });
      if (format === 'safeint')
        return fc.oneof(fc.integer(), fc.constantFrom(2 ** 53, -(2 ** 53), 1.5));
      return fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -20, max: 20 }),
        fc.integer({ min: -20, max: 20 }),
        fc.constantFrom(0.3, 0.7, 10, 2 ** 60),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'unknown':
      return json;
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'optional':
      return fc.option(validish(def.innerType as AnySchema, depth), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(validish(def.innerType as AnySchema, depth), { nil: null, freq: 4 });
    case 'default':
      return fc.option(validish(def.innerType as AnySchema, depth), { nil: undefined, freq: 2 });
    case 'lazy':
      return depth > 3
        ? fc.constant({})
        : fc.constant(null).chain(() => validish((def.getter as () => AnySchema)(), depth + 1));
    case 'array': {
      const min = checkValue('min_length')?.minimum ?? 0;
      const max = checkValue('max_length')?.maximum ?? Math.max(min, 3);
      return fc.array(validish(def.element as AnySchema, depth + 1), {
        minLength: min,
        maxLength: Math.min(max, min + 3),
      });
    }
    case 'record':
      return fc.dictionary(
        fc.string({ maxLength: 4 }),
        validish(def.valueType as AnySchema, depth + 1),
        { maxKeys: 3 },
      );
    case 'object': {
      const shape = def.shape as Record<string, AnySchema>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const [key, field] of Object.entries(shape)) {
        const type = field._zod.def.type;
        model[key] = validish(field, depth + 1);
        if (type !== 'optional' && type !== 'default') required.push(key);
      }
      const catchall = (def.catchall as AnySchema | undefined)?._zod.def.type;
      const base = fc.record(model, { requiredKeys: required });
      if (catchall === 'never') return base;
      const extra =
        catchall === undefined || catchall === 'unknown'
          ? json
          : validish(def.catchall as AnySchema, depth + 1);
      return fc
        .tuple(
          base,
          fc.dictionary(fc.constantFrom('extra', 'x-y', 'constructor'), extra, { maxKeys: 2 }),
        )
        .map(([known, more]) => ({ ...more, ...known }));
    }
    case 'union':
      return fc.oneof(...(def.options as AnySchema[]).map((o) => validish(o, depth + 1)));
    case 'intersection':
      return fc
        .tuple(
          validish(def.left as AnySchema, depth + 1),
          validish(def.right as AnySchema, depth + 1),
        )
        .map(([a, b]) =>
          typeof a === 'object' && a !== null && typeof b === 'object' && b !== null
            ? { ...a, ...b }
            : a,
        );
    default:
      return json;
  }
}

type Mutation =
  | 'delete'
  | 'null'
  | 'junk'
  | 'string'
  | 'number'
  | 'fraction'
  | 'boolean'
  | 'object'
  | 'array'
  | 'unknownKey'
  | 'inheritedKey'
  | 'protoKey'
  | 'enum';

const MUTATIONS: readonly Mutation[] = [
  'delete',
  'null',
  'junk',
  'string',
  'number',
  'fraction',
  'boolean',
  'object',
  'array',
  'unknownKey',
  'inheritedKey',
  'protoKey',
  'enum',
];

/** Every slot of a JSON value, as [container, key]. */
function slots(node: unknown, out: [Record<string | number, unknown>, string | number][] = []) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      out.push([node as unknown as Record<number, unknown>, i]);
      slots(item, out);
    });
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, item] of Object.entries(node)) {
      out.push([node as Record<string, unknown>, key]);
      slots(item, out);
    }
  }
  return out;
}

/** A deep copy that keeps own `__proto__` keys (structuredClone and spreads may not). */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, key, {
      value: copy(item),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** `value` with one change at one place: a key dropped or added, a value of the wrong type… */
export function mutate(value: unknown, where: number, how: Mutation, junk: unknown): unknown {
  const holder: Record<string, unknown> = { root: copy(value) };
  const all = slots(holder);
  const [container, key] = all[where % all.length]!;
  const target = container[key];
  const set = (v: unknown) => {
    container[key] = v;
  };
  const objectTarget =
    typeof target === 'object' && target !== null && !Array.isArray(target)
      ? (target as Record<string, unknown>)
      : undefined;
  switch (how) {
    case 'delete':
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key];
      break;
    case 'null':
      set(null);
      break;
    case 'junk':
      set(junk);
      break;
    case 'string':
      set('zz');
      break;
    case 'number':
      set(7);
      break;
    case 'fraction':
      set(1.5);
      break;
    case 'boolean':
      set(true);
      break;
    case 'object':
      set({});
      break;
    case 'array':
      set([]);
      break;
    case 'enum':
      set(typeof target === 'string' ? `${target}_UNKNOWN` : 'UNKNOWN');
      break;
    case 'unknownKey':
      if (objectTarget) objectTarget.surprise = junk;
      else set({ surprise: junk });
      break;
    case 'inheritedKey':
      if (objectTarget) objectTarget['constructor'] = junk;
      else set({ toString: junk });
      break;
    case 'protoKey':
      if (objectTarget) {
        Object.defineProperty(objectTarget, '__proto__', {
          value: junk,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else set(JSON.parse('{"__proto__": {"a": 1}}'));
      break;
  }
  return holder.root;
}

/** Values near `base`: each one mutation away from a value `base` generates. */
export function mutated(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(base, fc.nat(), fc.constantFrom(...MUTATIONS), json)
    .map(([value, where, how, junk]) => mutate(value, where, how, junk));
}
