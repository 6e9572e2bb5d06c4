import type { IrEnumValue } from '../ir/ir.js';

/**
 * A validation constraint, spelled differently by zod/mini (`.check(z.minLength(1))`), classic zod
 * (`.min(1)`) and the standard validators (`s.minLength(s.string, 1)`).
 */
export type ZodCheck =
  | {
      readonly kind:
        | 'minLength'
        | 'maxLength'
        | 'minItems'
        | 'maxItems'
        | 'gte'
        | 'gt'
        | 'lte'
        | 'lt'
        | 'multipleOf';
      readonly value: number;
    }
  | { readonly kind: 'regex'; readonly source: string }
  /** A JSON number that must be an integer (int64 numbers). */
  | { readonly kind: 'integer' }
  /** An int64 (`/^-?\d+$/`) or uint64 (`/^\d+$/`) decimal string. */
  | { readonly kind: 'int64' | 'uint64' };

/** The regex of an int64/uint64 decimal string, as a literal. */
export const DECIMAL_PATTERN = { int64: '/^-?\\d+$/', uint64: '/^\\d+$/' } as const;

/**
 * What differs between the three flavours (zod/mini, classic zod, the zod-free standard
 * validators). The schema walker (zod-expression.ts) builds expressions only through this
 * interface, so all modules come from the same logic and make the same decisions.
 */
export interface ZodDialect {
  readonly flavour: 'mini' | 'classic' | 'standard';
  /** The import line of the schema library (zod, or the generated standard runtime). */
  readonly importZod: string;
  /**
   * `z.fn(args)`: a schema constructor named as in zod (`string`, `iso.datetime`, `looseObject`,
   * `discriminatedUnion`…); zod/mini and standard mark it `@__PURE__` so bundlers drop unused ones.
   */
  call(fn: string, ...args: string[]): string;
  optional(inner: string): string;
  nullable(inner: string): string;
  /** `value` is a JavaScript literal (from `jsonLiteral`). */
  withDefault(inner: string, value: string): string;
  checks(base: string, checks: readonly ZodCheck[]): string;
  /** An object with `shape` whose other keys' values must match `value`. */
  catchall(shape: string, value: string): string;
  extend(object: string, shape: string): string;
  /** One of the given values (`const`, a discriminator tag). */
  literal(values: readonly IrEnumValue[]): string;
  /** A closed enum whose values are the `values` array exported by enums.ts. */
  enumOf(values: string, allStrings: boolean): string;
  /** An object of free keys whose values match `value`. */
  record(value: string): string;
  /** A response variant with an unknown tag (`key` is a string literal, `tags` the known ones). */
  unknownVariant(key: string, tags: string): string;
  /** The type of a schema with the given output/input types, for annotations and casts. */
  schemaType(output: string, input?: string): string;
  /** Source of the module-local `unknownVariant(key, knownTags)` helper ('' when not needed). */
  unknownVariantHelper(): string;
}
