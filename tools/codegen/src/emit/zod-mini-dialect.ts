import { jsonLiteral } from '../naming/identifiers.js';
import { DECIMAL_PATTERN, type ZodCheck, type ZodDialect } from './zod-dialect.js';

const PURE = '/* @__PURE__ */ ';

function miniCheck(check: ZodCheck): string {
  switch (check.kind) {
    case 'regex':
      return `${PURE}z.regex(${check.source})`;
    case 'int64':
    case 'uint64':
      return `${PURE}z.regex(${DECIMAL_PATTERN[check.kind]})`;
    case 'integer':
      return `${PURE}z.refine(Number.isInteger, 'Expected an integer')`;
    case 'minItems':
      return `${PURE}z.minLength(${check.value})`;
    case 'maxItems':
      return `${PURE}z.maxLength(${check.value})`;
    default:
      return `${PURE}z.${check.kind}(${check.value})`;
  }
}

const call = (fn: string, ...args: string[]) => `${PURE}z.${fn}(${args.join(', ')})`;

/** zod/mini: functional, tree-shakable (`z.optional(z.string())`), every call marked pure. */
export const zodMiniDialect: ZodDialect = {
  flavour: 'mini',
  importZod: `import * as z from 'zod/mini';`,
  call,
  optional: (inner) => `${PURE}z.optional(${inner})`,
  nullable: (inner) => `${PURE}z.nullable(${inner})`,
  withDefault: (inner, value) => `${PURE}z._default(${inner}, ${value})`,
  // One annotation at the start of `z.string().check(…)` covers the whole call chain.
  checks: (base, checks) =>
    checks.length === 0
      ? base
      : `${base.startsWith(PURE) ? '' : PURE}${base}.check(${checks.map(miniCheck).join(', ')})`,
  catchall: (shape, value) => `${PURE}z.catchall(${call('object', shape)}, ${value})`,
  extend: (object, shape) => `${PURE}z.extend(${object}, ${shape})`,
  literal: (values) =>
    call('literal', values.length === 1 ? jsonLiteral(values[0]) : jsonLiteral(values)),
  enumOf: (values, allStrings) => call(allStrings ? 'enum' : 'literal', values),
  record: (value) => call('record', call('string'), value),
  unknownVariant: (key, tags) => `${PURE}unknownVariant(${key}, ${tags})`,
  schemaType: (output, input) =>
    input === undefined ? `z.ZodMiniType<${output}>` : `z.ZodMiniType<${output}, ${input}>`,
  unknownVariantHelper: () => `
/** Accepts an object whose tag is none of \`known\`: a variant added to the API after generation. */
const unknownVariant = <K extends string>(key: K, known: readonly string[]) =>
  ${PURE}z.looseObject({
    [key]: ${PURE}z.string().check(${PURE}z.refine((tag) => !known.includes(tag), 'Known tag: see the matching variant')),
  }) as unknown as z.ZodMiniType<UnknownVariant<K>>;
`,
};
