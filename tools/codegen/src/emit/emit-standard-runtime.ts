/**
 * standard-runtime.ts, emitted once per document: the zod-free validators behind standard.ts.
 * Kept as one source text (not composed per document), so that every generated document ships the
 * same, reviewed runtime; the golden files and the semantics tests pin it.
 */
export function emitStandardRuntime(): string {
  return String.raw`/*
 * The validators behind standard.ts: zod-free, tree-shakable implementations of Standard Schema v1
 * with the same semantics as the zod/mini schemas of mini.ts (same values accepted and rejected,
 * same output). Every export is a '/* @__PURE__ *\/' constant or a small function, so a bundle
 * keeps only the validators it reaches.
 *
 * The Standard Schema types below are vendored from https://github.com/standard-schema/standard-schema
 * (packages/spec/src/index.ts), Copyright (c) 2024 Colin McDonnell, Fabian Hiller, Ryan Carniato,
 * MIT License. The duration, UUID, email, hostname and IPv4 patterns are zod's
 * (https://github.com/colinhacks/zod, MIT License), and date and date-time accept exactly what
 * zod's patterns do, so that both flavours agree.
 */

/** The Standard Schema interface. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The Standard Schema properties. */
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  /** The Standard Schema properties interface. */
  export interface Props<Input = unknown, Output = Input> {
    /** The version number of the standard. */
    readonly version: 1;
    /** The vendor name of the schema library. */
    readonly vendor: string;
    /** Validates unknown input values. */
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    /** Inferred types associated with the schema. */
    readonly types?: Types<Input, Output> | undefined;
  }

  /** The result interface of the validate function. */
  export type Result<Output> = SuccessResult<Output> | FailureResult;

  /** The result interface if validation succeeds. */
  export interface SuccessResult<Output> {
    /** The typed output value. */
    readonly value: Output;
    /** The non-existent issues. */
    readonly issues?: undefined;
  }

  /** The result interface if validation fails. */
  export interface FailureResult {
    /** The issues of failed validation. */
    readonly issues: ReadonlyArray<Issue>;
  }

  /** The issue interface of the failure output. */
  export interface Issue {
    /** The error message of the issue. */
    readonly message: string;
    /** The path of the issue, if any. */
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }

  /** The path segment interface of the issue. */
  export interface PathSegment {
    /** The key representing a path segment. */
    readonly key: PropertyKey;
  }

  /** The Standard Schema types interface. */
  export interface Types<Input = unknown, Output = Input> {
    /** The input type of the schema. */
    readonly input: Input;
    /** The output type of the schema. */
    readonly output: Output;
  }

  /** Infers the input type of a Standard Schema. */
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<
    Schema['~standard']['types']
  >['input'];

  /** Infers the output type of a Standard Schema. */
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<
    Schema['~standard']['types']
  >['output'];
}

/** One problem: what is wrong ('expected string') and where ('['spec', 'sizeBytes']'). */
export interface Issue extends StandardSchemaV1.Issue {
  readonly message: string;
  readonly path: PropertyKey[];
}

/**
 * The state of one 'validate()' call, shared by the validators it runs.
 * @internal
 */
export interface Context {
  /** Path of the value being validated: validators push a key before descending, pop it after. */
  readonly p: PropertyKey[];
  /** The issues found. */
  readonly i: Issue[];
  /**
   * How many of the issues are type errors. As in zod, a type error stops the checks of that value
   * and makes a union variant "aborted"; a failed check (format, range, unknown key) does not.
   */
  h: number;
  /** Inside an intersection: each unknown-key issue and its key (a key one part accepts is forgiven). */
  readonly u: [Issue, string][] | undefined;
}

/** What 'validate' returns: the output, or issues with plain paths. Never a promise. */
export type Result<Output> =
  | StandardSchemaV1.SuccessResult<Output>
  | { readonly issues: readonly Issue[]; readonly value?: undefined };

/** The Standard Schema properties of a validator: 'validate' is synchronous. */
export interface Props<Input = unknown, Output = Input> extends StandardSchemaV1.Props<Input, Output> {
  readonly validate: (value: unknown) => Result<Output>;
}

/**
 * A validator: a Standard Schema v1 whose 'validate' returns the output (defaults filled in) or
 * issues. 'Output' is what it yields, 'Input' what it accepts.
 */
export interface Schema<Output = unknown, Input = Output> extends StandardSchemaV1<Input, Output> {
  readonly '~standard': Props<Input, Output>;
  /** @internal Validates 'value', reports to 'ctx'; the result means nothing if issues were added. */
  readonly run: (value: unknown, ctx: Context) => Output;
  /** @internal In an object: 1 = the key may be absent, 2 = absent means its default. */
  readonly opt?: 1 | 2 | undefined;
  /** @internal An object's properties. */
  readonly shape?: Shape | undefined;
  /** @internal An object's rule for other keys: a schema for their values, or null (rejected). */
  readonly rest?: Schema | null | undefined;
  /** @internal The values a literal accepts (discriminated unions dispatch on them). */
  readonly values?: readonly unknown[] | undefined;
  /** @internal What an optional, nullable or defaulted schema wraps. */
  readonly inner?: Schema | undefined;
  /** @internal The schema of an array's items or a record's values. */
  readonly item?: Schema | undefined;
}

/** What a schema yields. */
export type Output<S extends StandardSchemaV1> = StandardSchemaV1.InferOutput<S>;
/** What a schema accepts. */
export type Input<S extends StandardSchemaV1> = StandardSchemaV1.InferInput<S>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySchema = Schema<any, any>;
/** The properties of an object schema. */
export type Shape = { readonly [key: string]: AnySchema };
type Flat<T> = { [K in keyof T]: T[K] } & {};
type ShapeOutput<T extends Shape> = Flat<
  { -readonly [K in keyof T as T[K] extends { readonly opt: 1 } ? never : K]: Output<T[K]> } & {
    -readonly [K in keyof T as T[K] extends { readonly opt: 1 } ? K : never]?: Output<T[K]>;
  }
>;
type ShapeInput<T extends Shape> = Flat<
  { -readonly [K in keyof T as T[K] extends { readonly opt: 1 | 2 } ? never : K]: Input<T[K]> } & {
    -readonly [K in keyof T as T[K] extends { readonly opt: 1 | 2 } ? K : never]?: Input<T[K]>;
  }
>;
type Without<T, K> = { [P in keyof T as P extends K ? never : P]: T[P] };
type Primitive = string | number | boolean;

// 'URL' and 'atob' exist on every runtime upkit supports, but not in an ES-only 'lib'.
declare const URL: new (url: string) => object;
declare function atob(data: string): string;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** zod's notion of a plain object (what records and intersections merge accept). */
const isPlain = (value: unknown): value is Record<string, unknown> => {
  if (!isObject(value)) return false;
  const ctor = value.constructor;
  if (typeof ctor !== 'function') return true;
  const proto: unknown = ctor.prototype;
  return isObject(proto) && Object.hasOwn(proto, 'isPrototypeOf');
};

const fail = (ctx: Context, message: string, soft?: 1): undefined => {
  ctx.i.push({ message, path: ctx.p.slice() });
  if (!soft) ctx.h++;
  return undefined;
};

const make = <O, I = O>(
  run: (value: unknown, ctx: Context) => O,
  extra?: Partial<Schema>,
): Schema<O, I> => ({
  ...extra,
  run,
  '~standard': {
    version: 1,
    vendor: 'upkit',
    validate(value) {
      const ctx: Context = { p: [], i: [], h: 0, u: undefined };
      const output = run(value, ctx);
      return ctx.i.length ? { issues: ctx.i } : { value: output };
    },
  },
});

/** A check on a valid value (skipped after a type error; failing it is not a type error). */
const check = <O, I>(
  schema: Schema<O, I>,
  ok: (value: O) => boolean,
  message: string,
  hard?: 1,
): Schema<O, I> =>
  make((value, ctx) => {
    const h = ctx.h;
    const output = schema.run(value, ctx);
    if (ctx.h === h && !ok(output)) fail(ctx, message, hard ? undefined : 1);
    return output;
  });

function typed<T>(ok: (value: unknown) => boolean, message: string): Schema<T> {
  return make((value, ctx) => (ok(value) ? value : fail(ctx, message)) as T);
}

export const string: Schema<string> = /* @__PURE__ */ typed(
  (v) => typeof v === 'string',
  'expected string',
);
export const number: Schema<number> = /* @__PURE__ */ typed(
  (v) => typeof v === 'number' && Number.isFinite(v),
  'expected number',
);
export const boolean: Schema<boolean> = /* @__PURE__ */ typed(
  (v) => typeof v === 'boolean',
  'expected boolean',
);
const null_: Schema<null> = /* @__PURE__ */ typed((v) => v === null, 'expected null');
export { null_ as null };
export const unknown: Schema<unknown> = /* @__PURE__ */ make((v) => v);

const integer = (min: number, max: number, message: string): Schema<number> =>
  check(
    check(number, Number.isInteger, 'expected integer', 1),
    (v) => v >= min && v <= max,
    message,
  );
/** A JSON integer in the safe range (±2^53 − 1). */
// Literals, not Number.MAX_SAFE_INTEGER: bundlers drop a pure call only if its arguments are pure.
export const int: Schema<number> = /* @__PURE__ */ integer(
  -9007199254740991,
  9007199254740991,
  'expected a safe integer',
);
export const int32: Schema<number> = /* @__PURE__ */ integer(
  -2147483648,
  2147483647,
  'expected a 32-bit integer',
);
export const uint32: Schema<number> = /* @__PURE__ */ integer(
  0,
  4294967295,
  'expected an unsigned 32-bit integer',
);

const format = (pattern: RegExp, message: string): Schema<string> =>
  check(string, (v) => pattern.test(v), message);

/**
 * Whether a match's groups 1–3 (year, month 01–12, day 01–31) name a real calendar day, leap years
 * counted: the day must not pass the month's last (day 0 of the next month). The year becomes
 * 2000 + year % 400: the Gregorian calendar repeats every 400 years, and Date.UTC would read 0–99
 * as 1900–1999.
 */
const calendarDay = (match: RegExpExecArray | null): boolean =>
  !!match && +match[3]! <= new Date(Date.UTC(2000 + (+match[1]! % 400), +match[2]!, 0)).getUTCDate();

/** RFC 3339 date-time with 'Z' or an offset, seconds required, any fraction. */
export const dateTime: Schema<string> = /* @__PURE__ */ check(
  string,
  (v) =>
    calendarDay(
      /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/.exec(
        v,
      ),
    ),
  'expected an ISO 8601 date-time with offset',
);
export const date: Schema<string> = /* @__PURE__ */ check(
  string,
  (v) => calendarDay(/^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.exec(v)),
  'expected an ISO 8601 date',
);
export const duration: Schema<string> = /* @__PURE__ */ format(
  /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/,
  'expected an ISO 8601 duration',
);
/** Any 8-4-4-4-12 hex identifier (what responses accept for 'format: uuid'). */
export const guid: Schema<string> = /* @__PURE__ */ format(
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/,
  'expected a GUID',
);
/** An RFC 9562 UUID (or the nil and max UUIDs). */
export const uuid: Schema<string> = /* @__PURE__ */ format(
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/,
  'expected a UUID',
);
export const email: Schema<string> = /* @__PURE__ */ format(
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/,
  'expected an email address',
);
export const hostname: Schema<string> = /* @__PURE__ */ format(
  /^(?=.{1,253}\.?$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[-0-9a-zA-Z]{0,61}[0-9a-zA-Z])?)*\.?$/,
  'expected a hostname',
);
export const ipv4: Schema<string> = /* @__PURE__ */ format(
  /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/,
  'expected an IPv4 address',
);

const parsesAsUrl = (text: string): boolean => {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
};
export const ipv6: Schema<string> = /* @__PURE__ */ check(
  string,
  (v) => /^[0-9a-fA-F:.]+$/.test(v) && parsesAsUrl('http://[' + v + ']'),
  'expected an IPv6 address',
);
/** A URL the WHATWG parser accepts; like zod, the output is trimmed, without tabs and newlines. */
export const url: Schema<string> = /* @__PURE__ */ make((value, ctx) => {
  const h = ctx.h;
  const text = string.run(value, ctx);
  if (ctx.h !== h) return text;
  const trimmed = text.trim();
  return parsesAsUrl(trimmed) ? trimmed.replace(/[\t\n\r]/g, '') : (fail(ctx, 'expected a URL', 1), text);
});
export const base64: Schema<string> = /* @__PURE__ */ check(
  string,
  (v) => {
    if (v === '') return true;
    if (/\s/.test(v) || v.length % 4 !== 0) return false;
    try {
      atob(v);
      return true;
    } catch {
      return false;
    }
  },
  'expected base64',
);

/** An int64 written as a decimal string. */
export function int64String<I>(schema: Schema<string, I>): Schema<string, I> {
  return check(schema, (v) => /^-?\d+$/.test(v), 'expected an int64 decimal string');
}
/** A uint64 written as a decimal string. */
export function uint64String<I>(schema: Schema<string, I>): Schema<string, I> {
  return check(schema, (v) => /^\d+$/.test(v), 'expected a uint64 decimal string');
}
export function regex<I>(schema: Schema<string, I>, pattern: RegExp): Schema<string, I> {
  return check(schema, (v) => pattern.test(v), 'expected to match ' + pattern);
}
export function minLength<I>(schema: Schema<string, I>, n: number): Schema<string, I> {
  return check(schema, (v) => v.length >= n, 'expected at least ' + n + ' characters');
}
export function maxLength<I>(schema: Schema<string, I>, n: number): Schema<string, I> {
  return check(schema, (v) => v.length <= n, 'expected at most ' + n + ' characters');
}
export const minItems = <O extends unknown[], I>(schema: Schema<O, I>, n: number): Schema<O, I> =>
  check(schema, (v) => v.length >= n, 'expected at least ' + n + ' items');
export const maxItems = <O extends unknown[], I>(schema: Schema<O, I>, n: number): Schema<O, I> =>
  check(schema, (v) => v.length <= n, 'expected at most ' + n + ' items');
export function gte<I>(schema: Schema<number, I>, n: number): Schema<number, I> {
  return check(schema, (v) => v >= n, 'expected >= ' + n);
}
export function gt<I>(schema: Schema<number, I>, n: number): Schema<number, I> {
  return check(schema, (v) => v > n, 'expected > ' + n);
}
export function lte<I>(schema: Schema<number, I>, n: number): Schema<number, I> {
  return check(schema, (v) => v <= n, 'expected <= ' + n);
}
export function lt<I>(schema: Schema<number, I>, n: number): Schema<number, I> {
  return check(schema, (v) => v < n, 'expected < ' + n);
}
export function multipleOf<I>(schema: Schema<number, I>, n: number): Schema<number, I> {
  return check(
    schema,
    (v) => {
      // zod's float-safe remainder, so that 0.3 is a multiple of 0.1.
      const ratio = v / n;
      return Math.abs(ratio - Math.round(ratio)) < 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
    },
    'expected a multiple of ' + n,
  );
}
/** A JSON number that must be an integer (any size: int64 numbers arrive rounded anyway). */
export function integral<I>(schema: Schema<number, I>): Schema<number, I> {
  return check(schema, Number.isInteger, 'expected integer');
}

/** One of the given values (an enum, a 'const', a discriminator tag). */
export const literal = <const T extends readonly Primitive[]>(values: T): Schema<T[number]> =>
  make(
    (value, ctx) =>
      (values.includes(value as Primitive)
        ? value
        : fail(
            ctx,
            values.length === 1
              ? 'expected ' + JSON.stringify(values[0])
              : 'expected one of: ' + values.join(', '),
          )) as T[number],
    { values },
  );

export const optional = <O, I>(
  schema: Schema<O, I>,
): Schema<O | undefined, I | undefined> & { readonly opt: 1 } =>
  make((value, ctx) => (value === undefined ? undefined : schema.run(value, ctx)), {
    opt: 1,
    inner: schema,
  }) as Schema<O | undefined, I | undefined> & { readonly opt: 1 };

export const nullable = <O, I>(schema: Schema<O, I>): Schema<O | null, I | null> =>
  make((value, ctx) => (value === null ? null : schema.run(value, ctx)), { inner: schema });

/** Fills in 'value' (a function for objects and arrays, so each result gets its own) when absent. */
export const withDefault = <O, I>(
  schema: Schema<O, I>,
  value: Exclude<O, undefined> | (() => Exclude<O, undefined>),
): Schema<Exclude<O, undefined>, I | undefined> & { readonly opt: 2 } => {
  const fallback = () =>
    typeof value === 'function' ? (value as () => Exclude<O, undefined>)() : value;
  return make(
    (input, ctx) => {
      if (input === undefined) return fallback();
      const output = schema.run(input, ctx);
      return output === undefined ? fallback() : (output as Exclude<O, undefined>);
    },
    { opt: 2, inner: schema },
  ) as Schema<Exclude<O, undefined>, I | undefined> & { readonly opt: 2 };
};

export const lazy = <O, I>(get: () => Schema<O, I>): Schema<O, I> => {
  let schema: Schema<O, I> | undefined;
  return make((value, ctx) => (schema ??= get()).run(value, ctx));
};

export const array = <O, I>(item: Schema<O, I>): Schema<O[], I[]> =>
  make((value, ctx) => {
    if (!Array.isArray(value)) return fail(ctx, 'expected array') as never;
    const output: O[] = [];
    for (let i = 0; i < value.length; i++) {
      ctx.p.push(i);
      output.push(item.run(value[i], ctx));
      ctx.p.pop();
    }
    return output;
  }, { item });

/** An object whose keys are all free, each value checked by 'item'. */
export const record = <O, I>(item: Schema<O, I>): Schema<Record<string, O>, Record<string, I>> =>
  make((value, ctx) => {
    if (!isPlain(value)) return fail(ctx, 'expected object') as never;
    const output: Record<string, O> = {};
    for (const key of Object.keys(value)) {
      if (key === '__proto__') continue;
      ctx.p.push(key);
      output[key] = item.run(value[key], ctx);
      ctx.p.pop();
    }
    return output;
  }, { item });

const object = <O, I>(shape: Shape, rest: Schema | null): Schema<O, I> =>
  make(
    (value, ctx) => {
      if (!isObject(value)) return fail(ctx, 'expected object') as never;
      const output: Record<string, unknown> = {};
      for (const key in shape) {
        if (key === '__proto__') continue;
        const field = shape[key]!;
        // 'in', as in zod: an inherited property counts as present.
        const present = key in value;
        ctx.p.push(key);
        if (present || field.opt === 2) {
          const result = field.run(value[key], ctx);
          if (present || result !== undefined) output[key] = result;
        } else if (!field.opt) fail(ctx, 'required');
        ctx.p.pop();
      }
      for (const key in value) {
        if (Object.hasOwn(shape, key)) continue;
        if (rest === null) {
          const issue: Issue = { message: "unknown key '" + key + "'", path: ctx.p.slice() };
          ctx.i.push(issue);
          ctx.u?.push([issue, key]);
        } else if (key !== '__proto__') {
          ctx.p.push(key);
          output[key] = rest.run(value[key], ctx);
          ctx.p.pop();
        }
      }
      return output as O;
    },
    { shape, rest },
  );

/** Unknown keys are kept (what responses use). */
export const looseObject = <T extends Shape>(
  shape: T,
): Schema<Flat<ShapeOutput<T> & { [key: string]: unknown }>, Flat<ShapeInput<T> & { [key: string]: unknown }>> =>
  object(shape, unknown);
/** Unknown keys are rejected (what requests use). */
export const strictObject = <T extends Shape>(shape: T): Schema<ShapeOutput<T>, ShapeInput<T>> =>
  object(shape, null);
/** Other keys are allowed, their values checked by 'rest'. */
export const catchall = <T extends Shape, O, I>(
  shape: T,
  rest: Schema<O, I>,
): Schema<Flat<ShapeOutput<T> & { [key: string]: O }>, Flat<ShapeInput<T> & { [key: string]: I }>> =>
  object(shape, rest);
/** The object 'base' with properties added or replaced. */
export const extend = <O, I, T extends Shape>(
  base: Schema<O, I>,
  shape: T,
): Schema<Flat<Without<O, keyof T> & ShapeOutput<T>>, Flat<Without<I, keyof T> & ShapeInput<T>>> =>
  object({ ...base.shape, ...shape }, base.rest!);

/** The first variant that accepts the value wins. */
export const union = <T extends readonly AnySchema[]>(
  variants: T,
): Schema<Output<T[number]>, Input<T[number]>> =>
  make((value, ctx) => {
    let soft: [Context, unknown] | undefined;
    let softCount = 0;
    for (const variant of variants) {
      const sub: Context = { p: ctx.p, i: [], h: 0, u: ctx.u && [] };
      const output: unknown = variant.run(value, sub);
      if (!sub.i.length) return output;
      if (!sub.h) {
        soft = [sub, output];
        softCount++;
      }
    }
    // As zod: when exactly one variant failed only its checks, its issues (and output) are the
    // union's, so that an intersection can still forgive its unknown keys.
    if (softCount === 1) {
      const [sub, output] = soft!;
      ctx.i.push(...sub.i);
      if (sub.u) ctx.u?.push(...sub.u);
      return output;
    }
    return fail(ctx, 'no matching variant');
  }) as Schema<Output<T[number]>, Input<T[number]>>;

/** Picks the variant by the value of 'key' (each variant declares its tag values as a literal). */
export const discriminatedUnion = <T extends readonly AnySchema[]>(
  key: string,
  variants: T,
): Schema<Output<T[number]>, Input<T[number]>> => {
  let byTag: Map<unknown, AnySchema> | undefined;
  return make((value, ctx) => {
    if (!isObject(value)) return fail(ctx, 'expected object');
    if (!byTag) {
      byTag = new Map();
      for (const variant of variants) {
        for (const tag of variant.shape![key]!.values!) byTag.set(tag, variant);
      }
    }
    const variant = byTag.get(value[key]);
    if (variant) return variant.run(value, ctx);
    ctx.p.push(key);
    fail(ctx, 'expected one of: ' + [...byTag.keys()].join(', '));
    ctx.p.pop();
    return undefined;
  }) as Schema<Output<T[number]>, Input<T[number]>>;
};

/**
 * A response variant added to the API after generation: an object whose 'key' is a string that is
 * none of 'known'. 'T' is its type ('UnknownVariant<key>' of enums.ts).
 */
export function unknownVariant<T>(key: string, known: readonly string[]): Schema<T> {
  return looseObject({
    [key]: check(string, (tag) => !known.includes(tag), 'known tag: see the matching variant'),
  }) as unknown as Schema<T>;
}

type Merged = [unknown] | undefined;
const merge = (a: unknown, b: unknown): Merged => {
  if (a === b) return [a];
  if (isPlain(a) && isPlain(b)) {
    const output: Record<string, unknown> = { ...a, ...b };
    if (Object.hasOwn(output, '__proto__')) delete output.__proto__;
    const keysOfB = Object.keys(b);
    for (const key of Object.keys(a)) {
      if (key === '__proto__' || !keysOfB.includes(key)) continue;
      const shared = merge(a[key], b[key]);
      if (!shared) return undefined;
      output[key] = shared[0];
    }
    return [output];
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return undefined;
    const output: unknown[] = [];
    for (let i = 0; i < a.length; i++) {
      const shared = merge(a[i], b[i]);
      if (!shared) return undefined;
      output.push(shared[0]);
    }
    return [output];
  }
  return undefined;
};

/**
 * Both 'left' and 'right' must accept the value; their outputs are merged. As in zod, a key that
 * one side rejects as unknown is accepted when the other side accepts it.
 */
export const intersection = <OL, IL, OR, IR>(
  left: Schema<OL, IL>,
  right: Schema<OR, IR>,
): Schema<OL & OR, IL & IR> =>
  make((value, ctx) => {
    const depth = ctx.p.length;
    const sides = [left, right].map((side) => {
      const sub: Context = { p: ctx.p, i: [], h: 0, u: [] };
      const output: unknown = side.run(value, sub);
      const unknownKeys = new Map<Issue, string>();
      for (const [issue, key] of sub.u!) if (issue.path.length === depth) unknownKeys.set(issue, key);
      return { output, sub, unknownKeys };
    });
    const [l, r] = sides as [(typeof sides)[0], (typeof sides)[0]];
    const before = ctx.i.length;
    const rejectedByRight = new Set(r.unknownKeys.values());
    for (const side of sides) {
      for (const issue of side.sub.i) {
        const key = side.unknownKeys.get(issue);
        if (key === undefined) ctx.i.push(issue);
        else if (side === l && rejectedByRight.has(key)) {
          ctx.i.push(issue);
          ctx.u?.push([issue, key]);
        }
      }
    }
    ctx.h += l.sub.h + r.sub.h;
    if (ctx.i.length > before) return undefined as OL & OR;
    const merged = merge(l.output, r.output);
    if (!merged) return fail(ctx, 'the parts of the intersection conflict') as OL & OR;
    return merged[0] as OL & OR;
  });
`;
}
