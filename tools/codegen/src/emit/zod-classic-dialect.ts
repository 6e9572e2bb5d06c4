import type { ZodCheck, ZodDialect } from './zod-dialect.js';

function classicCheck(check: ZodCheck): string {
  switch (check.kind) {
    case 'regex':
      return `.regex(${check.source})`;
    case 'integer':
      return `.refine(Number.isInteger, 'Expected an integer')`;
    case 'minLength':
      return `.min(${check.value})`;
    case 'maxLength':
      return `.max(${check.value})`;
    default:
      return `.${check.kind}(${check.value})`;
  }
}

/** Classic zod: chainable and ergonomic (`z.string().optional()`), for services. */
export const zodClassicDialect: ZodDialect = {
  flavour: 'classic',
  importZod: `import * as z from 'zod';`,
  call: (fn, ...args) => `z.${fn}(${args.join(', ')})`,
  callLocal: (fn, ...args) => `${fn}(${args.join(', ')})`,
  optional: (inner) => `${inner}.optional()`,
  nullable: (inner) => `${inner}.nullable()`,
  withDefault: (inner, value) => `${inner}.default(${value})`,
  checks: (base, checks) => base + checks.map(classicCheck).join(''),
  catchall: (object, value) => `${object}.catchall(${value})`,
  extend: (object, shape) => `${object}.extend(${shape})`,
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
