import { jsonLiteral } from '../naming/identifiers.js';
import { DECIMAL_PATTERN, type ZodCheck, type ZodDialect } from './zod-dialect.js';

function classicCheck(check: ZodCheck): string {
  switch (check.kind) {
    case 'regex':
      return `.regex(${check.source})`;
    case 'int64':
    case 'uint64':
      return `.regex(${DECIMAL_PATTERN[check.kind]})`;
    case 'integer':
      return `.refine(Number.isInteger, 'Expected an integer')`;
    case 'minLength':
    case 'minItems':
      return `.min(${check.value})`;
    case 'maxLength':
    case 'maxItems':
      return `.max(${check.value})`;
    default:
      return `.${check.kind}(${check.value})`;
  }
}

const call = (fn: string, ...args: string[]) => `z.${fn}(${args.join(', ')})`;

/** Classic zod: chainable and ergonomic (`z.string().optional()`), for services. */
export const zodClassicDialect: ZodDialect = {
  flavour: 'classic',
  importZod: `import * as z from 'zod';`,
  call,
  optional: (inner) => `${inner}.optional()`,
  nullable: (inner) => `${inner}.nullable()`,
  withDefault: (inner, value) => `${inner}.default(${value})`,
  checks: (base, checks) => base + checks.map(classicCheck).join(''),
  catchall: (shape, value) => `${call('object', shape)}.catchall(${value})`,
  extend: (object, shape) => `${object}.extend(${shape})`,
  literal: (values) =>
    call('literal', values.length === 1 ? jsonLiteral(values[0]) : jsonLiteral(values)),
  enumOf: (values, allStrings) => call(allStrings ? 'enum' : 'literal', values),
  record: (value) => call('record', call('string'), value),
  unknownVariant: (key, tags) => `unknownVariant(${key}, ${tags})`,
  schemaType: (output, input) =>
    input === undefined ? `z.ZodType<${output}>` : `z.ZodType<${output}, ${input}>`,
  unknownVariantHelper: () => `
/** Accepts an object whose tag is none of \`known\`: a variant added to the API after generation. */
const unknownVariant = <K extends string>(key: K, known: readonly string[]) =>
  z.looseObject({
    [key]: z.string().refine((tag) => !known.includes(tag), 'Known tag: see the matching variant'),
  }) as unknown as z.ZodType<UnknownVariant<K>>;
`,
};
