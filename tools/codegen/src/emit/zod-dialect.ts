/** A validation constraint, spelled differently by zod/mini (`.check(z.minLength(1))`) and classic. */
export type ZodCheck =
  | {
      readonly kind: 'minLength' | 'maxLength' | 'gte' | 'gt' | 'lte' | 'lt' | 'multipleOf';
      readonly value: number;
    }
  | { readonly kind: 'regex'; readonly source: string }
  | { readonly kind: 'integer' };

/**
 * What differs between the two zod flavours. The schema walker (zod-expression.ts) builds
 * expressions only through this interface, so both modules come from the same logic.
 */
export interface ZodDialect {
  readonly flavour: 'mini' | 'classic';
  /** The import line for zod itself. */
  readonly importZod: string;
  /** `z.fn(args)`; zod/mini marks it `@__PURE__` so unused schemas are dropped by bundlers. */
  call(fn: string, ...args: string[]): string;
  /** A call of a module-local function (also marked pure in zod/mini). */
  callLocal(fn: string, ...args: string[]): string;
  optional(inner: string): string;
  nullable(inner: string): string;
  withDefault(inner: string, value: string): string;
  checks(base: string, checks: readonly ZodCheck[]): string;
  catchall(object: string, value: string): string;
  extend(object: string, shape: string): string;
  /** The type of a schema with the given output/input types, for annotations and casts. */
  schemaType(output: string, input?: string): string;
  /** Source of the module-local `unknownVariant(key, knownTags)` helper. */
  unknownVariantHelper(): string;
}
