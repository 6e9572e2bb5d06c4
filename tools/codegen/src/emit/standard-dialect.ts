import { jsonLiteral } from '../naming/identifiers.js';
import type { ZodCheck, ZodDialect } from './zod-dialect.js';

const PURE = '/* @__PURE__ */ ';

/** zod constructors whose standard counterpart is a shared constant of standard-runtime.ts. */
const CONSTANTS: Readonly<Record<string, string>> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  null: 'null',
  unknown: 'unknown',
  int: 'int',
  int32: 'int32',
  uint32: 'uint32',
  // The generator only ever asks for `z.iso.datetime({ offset: true })`.
  'iso.datetime': 'dateTime',
  'iso.date': 'date',
  'iso.duration': 'duration',
  guid: 'guid',
  uuid: 'uuid',
  email: 'email',
  hostname: 'hostname',
  ipv4: 'ipv4',
  ipv6: 'ipv6',
  url: 'url',
  base64: 'base64',
};

const call = (fn: string, ...args: string[]) => `${PURE}s.${fn}(${args.join(', ')})`;

function wrapCheck(base: string, check: ZodCheck): string {
  switch (check.kind) {
    case 'regex':
      return call('regex', base, check.source);
    case 'int64':
      return call('int64String', base);
    case 'uint64':
      return call('uint64String', base);
    case 'integer':
      return call('integral', base);
    default:
      return call(check.kind, base, String(check.value));
  }
}

/**
 * The zod-free flavour (standard.ts): the same walker drives it, and each zod construct maps to a
 * validator of the generated standard-runtime.ts with the same semantics. Primitives and formats
 * are shared constants (`s.string`), everything else a pure call (`s.optional(s.string)`).
 */
export const standardDialect: ZodDialect = {
  flavour: 'standard',
  importZod: `import * as s from './standard-runtime.js';`,
  call: (fn, ...args) => {
    const constant = CONSTANTS[fn];
    return constant === undefined ? call(fn, ...args) : `s.${constant}`;
  },
  optional: (inner) => call('optional', inner),
  nullable: (inner) => call('nullable', inner),
  // Objects and arrays are built per use, so that callers never share (and mutate) one default.
  withDefault: (inner, value) =>
    call('withDefault', inner, /^[[{]/.test(value) ? `() => (${value})` : value),
  checks: (base, checks) => checks.reduce(wrapCheck, base),
  catchall: (shape, value) => call('catchall', shape, value),
  extend: (object, shape) => call('extend', object, shape),
  literal: (values) => call('literal', jsonLiteral(values)),
  enumOf: (values) => call('literal', values),
  record: (value) => call('record', value),
  unknownVariant: (key, tags) => `${PURE}s.unknownVariant<UnknownVariant<${key}>>(${key}, ${tags})`,
  schemaType: (output, input) =>
    input === undefined ? `s.Schema<${output}>` : `s.Schema<${output}, ${input}>`,
  unknownVariantHelper: () => '',
};
