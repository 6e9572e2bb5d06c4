import type {
  IrComponent,
  IrEnum,
  IrObject,
  IrProperty,
  IrSchema,
  IrString,
  IrNumber,
  IrUnion,
} from '../ir/ir.js';
import { jsonLiteral, propertyKey, stringLiteral } from '../naming/identifiers.js';
import type { Direction, Naming } from '../naming/naming.js';
import { docLines, tsdoc } from './tsdoc.js';
import type { ZodCheck, ZodDialect } from './zod-dialect.js';
import { regexLiteral } from './regex-literal.js';

/** Names a zod module imports from enums.ts, collected while emitting. */
export interface EnumImports {
  readonly values: Set<string>;
  readonly types: Set<string>;
  /** Set when a response union needs the module's `unknownVariant` helper. */
  unknownVariant: boolean;
}

export interface ZodContext {
  readonly dialect: ZodDialect;
  readonly direction: Direction;
  readonly naming: Naming;
  readonly components: ReadonlyMap<string, IrComponent>;
  /** Components referenced through `z.lazy` (the reference cycle being emitted). */
  readonly lazy: ReadonlySet<string>;
  readonly imports: EnumImports;
  /** Inside an intersection objects stay open, so each part accepts the other parts' keys. */
  readonly inIntersection?: boolean;
}

/**
 * The zod expression for a schema, in one direction:
 * - response: objects keep unknown keys (`looseObject`), enums accept unlisted values (typed
 *   `Known… | (string & {})`), discriminated unions accept unknown tags, and only the type and
 *   formats that change meaning (date-time, int64 strings) are validated;
 * - request: objects are strict, enums closed, all constraints checked, defaults applied,
 *   readOnly properties left out (writeOnly ones are left out of responses).
 */
export function zodSchema(schema: IrSchema, ctx: ZodContext): string {
  const expr = baseExpression(schema, ctx);
  return schema.nullable ? ctx.dialect.nullable(expr) : expr;
}

function baseExpression(s: IrSchema, ctx: ZodContext): string {
  const { dialect } = ctx;
  switch (s.kind) {
    case 'string':
      return stringExpression(s, ctx);
    case 'number':
      return numberExpression(s, ctx);
    case 'boolean':
      return dialect.call('boolean');
    case 'null':
      return dialect.call('null');
    case 'unknown':
      return dialect.call('unknown');
    case 'enum':
      return enumExpression(s, ctx);
    case 'array': {
      const checks: ZodCheck[] = [];
      if (ctx.direction === 'request') {
        if (s.minItems !== undefined) checks.push({ kind: 'minItems', value: s.minItems });
        if (s.maxItems !== undefined) checks.push({ kind: 'maxItems', value: s.maxItems });
      }
      return dialect.checks(dialect.call('array', zodSchema(s.items, ctx)), checks);
    }
    case 'object':
      return objectExpression(s, ctx);
    case 'union':
      return unionExpression(s, ctx);
    case 'intersection': {
      const inner = { ...ctx, inIntersection: true };
      return s.parts
        .map((p) => zodSchema(p, inner))
        .reduce((left, right) => dialect.call('intersection', left, right));
    }
    case 'ref': {
      const name = ctx.naming.component(s.component, ctx.direction);
      return ctx.lazy.has(s.component) ? dialect.call('lazy', `() => ${name}`) : name;
    }
  }
}

function stringExpression(s: IrString, ctx: ZodContext): string {
  const { dialect } = ctx;
  const request = ctx.direction === 'request';
  const checks: ZodCheck[] = [];
  let base: string;
  switch (s.format) {
    case 'date-time':
      base = dialect.call('iso.datetime', '{ offset: true }');
      break;
    case 'date':
      base = dialect.call('iso.date');
      break;
    case 'duration':
      base = dialect.call('iso.duration');
      break;
    case 'int64':
    case 'uint64':
      base = dialect.call('string');
      checks.push({ kind: s.format });
      break;
    case 'uuid':
      // Responses use zod's lenient GUID shape: servers' ids are not always RFC 9562 variants.
      base = dialect.call(request ? 'uuid' : 'guid');
      break;
    case 'email':
    case 'hostname':
    case 'ipv4':
    case 'ipv6':
      base = dialect.call(request ? s.format : 'string');
      break;
    case 'uri':
      base = dialect.call(request ? 'url' : 'string');
      break;
    case 'byte':
      base = dialect.call(request ? 'base64' : 'string');
      break;
    default:
      base = dialect.call('string');
  }
  if (request) {
    if (s.minLength !== undefined) checks.push({ kind: 'minLength', value: s.minLength });
    if (s.maxLength !== undefined) checks.push({ kind: 'maxLength', value: s.maxLength });
    const regex = s.pattern === undefined ? undefined : regexLiteral(s.pattern);
    if (regex !== undefined) checks.push({ kind: 'regex', source: regex });
  }
  return dialect.checks(base, checks);
}

function numberExpression(s: IrNumber, ctx: ZodContext): string {
  const { dialect } = ctx;
  const checks: ZodCheck[] = [];
  let base: string;
  switch (s.integer) {
    case 'int32':
    case 'uint32':
    case 'int':
      base = dialect.call(s.integer);
      break;
    case 'int64':
      // A JSON number stays a number (never a bigint); only its integer-ness is checked, since
      // values past 2^53 arrive already rounded by JSON.parse.
      base = dialect.call('number');
      checks.push({ kind: 'integer' });
      break;
    default:
      base = dialect.call('number');
  }
  if (ctx.direction === 'request') {
    if (s.minimum !== undefined) checks.push({ kind: 'gte', value: s.minimum });
    if (s.exclusiveMinimum !== undefined) checks.push({ kind: 'gt', value: s.exclusiveMinimum });
    if (s.maximum !== undefined) checks.push({ kind: 'lte', value: s.maximum });
    if (s.exclusiveMaximum !== undefined) checks.push({ kind: 'lt', value: s.exclusiveMaximum });
    if (s.multipleOf !== undefined) checks.push({ kind: 'multipleOf', value: s.multipleOf });
  }
  return dialect.checks(base, checks);
}

function enumExpression(e: IrEnum, ctx: ZodContext): string {
  const { dialect, naming } = ctx;
  if (!e.open) return dialect.literal(e.values);
  const allStrings = e.values.every((v) => typeof v === 'string');
  if (ctx.direction === 'request') {
    const values = naming.enumValues(e.name);
    ctx.imports.values.add(values);
    return dialect.enumOf(values, allStrings);
  }
  const known = naming.known(e.name);
  ctx.imports.types.add(known);
  const primitives = [...new Set(e.values.map((v) => typeof v as 'string' | 'number' | 'boolean'))];
  const base =
    primitives.length === 1
      ? dialect.call(primitives[0]!)
      : dialect.call('union', `[${primitives.map((p) => dialect.call(p)).join(', ')}]`);
  const open = [known, ...primitives.filter((p) => p !== 'boolean').map((p) => `(${p} & {})`)];
  return `(${base} as ${dialect.schemaType(open.join(' | '))})`;
}

/** True when the object is emitted as an object schema (not as a record). */
export function emitsAsObject(o: IrObject): boolean {
  return (
    !o.freeForm &&
    !(o.properties.length === 0 && o.additional !== undefined && o.additional !== false)
  );
}

function objectExpression(o: IrObject, ctx: ZodContext): string {
  const { dialect } = ctx;
  if (!emitsAsObject(o)) {
    const value =
      typeof o.additional === 'object' ? zodSchema(o.additional, ctx) : dialect.call('unknown');
    return dialect.record(value);
  }
  const shape = objectShape(o.properties, ctx);
  if (typeof o.additional === 'object') {
    return dialect.catchall(shape, zodSchema(o.additional, ctx));
  }
  const strict = ctx.direction === 'request' && o.additional !== true && !ctx.inIntersection;
  return dialect.call(strict ? 'strictObject' : 'looseObject', shape);
}

/** `{ key: schema, … }` with TSDoc on each property. */
export function objectShape(properties: readonly IrProperty[], ctx: ZodContext): string {
  const entries = properties.flatMap((p) => {
    const entry = propertyEntry(p, ctx);
    return entry === undefined ? [] : [entry];
  });
  return entries.length === 0 ? '{}' : `{\n${entries.join('\n')}\n}`;
}

function propertyEntry(p: IrProperty, ctx: ZodContext): string | undefined {
  if (ctx.direction === 'request' && p.readOnly) return undefined;
  if (ctx.direction === 'response' && p.writeOnly) return undefined;
  let expr = zodSchema(p.schema, ctx);
  const defaultValue = p.schema.default;
  if (ctx.direction === 'request' && defaultValue !== undefined) {
    expr = ctx.dialect.withDefault(expr, jsonLiteral(defaultValue.value));
  } else if (!p.required) {
    expr = ctx.dialect.optional(expr);
  }
  const doc = tsdoc(propertyDocLines(p));
  return `${doc}${propertyKey(p.name)}: ${expr},`;
}

/** Documentation of a property: its description plus what the generator knows about it. */
export function propertyDocLines(p: IrProperty): (string | undefined | false)[] {
  const s = p.schema;
  const int64 = s.kind === 'string' && (s.format === 'int64' || s.format === 'uint64');
  return docLines(p.docs, [
    int64 && `${s.format} as a decimal string: \`toBigInt()\` from int64.ts converts it.`,
    p.readOnly && 'Read-only: set by the server, absent from request schemas.',
    p.writeOnly && 'Write-only: sent by the client, absent from response schemas.',
    s.default !== undefined && `@default ${JSON.stringify(s.default.value)}`,
  ]);
}

function unionExpression(u: IrUnion, ctx: ZodContext): string {
  const { dialect } = ctx;
  if (u.discriminator) {
    const discriminated = discriminatedExpression(u, ctx);
    if (discriminated !== undefined) return discriminated;
  }
  return dialect.call('union', `[${u.variants.map((v) => zodSchema(v, ctx)).join(', ')}]`);
}

/**
 * True when every variant of a union with a discriminator can carry its tag as a literal, so that
 * the union is emitted as a discriminated union (in every flavour, and in the explicit types):
 * each variant is an object, inline or a non-nullable component outside the current cycle.
 */
export function canDiscriminate(
  u: IrUnion,
  components: ReadonlyMap<string, IrComponent>,
  lazy: ReadonlySet<string>,
): boolean {
  if (!u.discriminator) return false;
  return u.variants.every((variant) => {
    if (variant.nullable) return false;
    if (variant.kind === 'ref') {
      const schema = components.get(variant.component)?.schema;
      return (
        schema?.kind === 'object' &&
        !schema.nullable &&
        emitsAsObject(schema) &&
        !lazy.has(variant.component)
      );
    }
    return variant.kind === 'object' && emitsAsObject(variant);
  });
}

/**
 * `z.discriminatedUnion` over the variants, each made to carry its tag as a literal. In responses
 * the union also accepts an object whose tag is unknown (typed `UnknownVariant<tag>`), so a new
 * variant on the server does not break old clients; `isKnown…()` tells them apart. Undefined when
 * some variant cannot carry a literal tag (then a plain union is used).
 */
function discriminatedExpression(u: IrUnion, ctx: ZodContext): string | undefined {
  if (!canDiscriminate(u, ctx.components, ctx.lazy)) return undefined;
  const d = u.discriminator!;
  const { dialect } = ctx;
  const tagKey = propertyKey(d.propertyName);
  const variants: string[] = [];
  for (const [i, variant] of u.variants.entries()) {
    const values = d.values[i]!;
    if (variant.kind === 'ref') {
      const schema = ctx.components.get(variant.component)!.schema as IrObject;
      const name = ctx.naming.component(variant.component, ctx.direction);
      variants.push(
        hasLiteralTag(schema, d.propertyName, values, ctx.direction)
          ? name
          : dialect.extend(name, `{ ${tagKey}: ${dialect.literal(values)} }`),
      );
    } else {
      const object = variant as IrObject;
      const tagProperty: IrProperty = {
        name: d.propertyName,
        schema: { kind: 'enum', values, name: d.name, open: false, nullable: false, docs: {} },
        required: true,
        readOnly: false,
        writeOnly: false,
        docs: {},
      };
      const properties = [
        ...object.properties.filter((p) => p.name !== d.propertyName),
        tagProperty,
      ];
      variants.push(objectExpression({ ...object, properties }, ctx));
    }
  }
  const union = dialect.call(
    'discriminatedUnion',
    stringLiteral(d.propertyName),
    `[${variants.join(', ')}]`,
  );
  if (ctx.direction === 'request') return union;
  const tags = ctx.naming.unionTags(d.name);
  ctx.imports.values.add(tags);
  ctx.imports.types.add('UnknownVariant');
  ctx.imports.unknownVariant = true;
  const fallback = dialect.unknownVariant(stringLiteral(d.propertyName), tags);
  return dialect.call('union', `[${union}, ${fallback}]`);
}

/** True when the component already declares the tag as exactly these closed values. */
function hasLiteralTag(
  o: IrObject,
  property: string,
  values: readonly string[],
  direction: Direction,
): boolean {
  const p = o.properties.find((q) => q.name === property);
  if (!p || !p.required || p.schema.kind !== 'enum' || p.schema.nullable) return false;
  if (direction === 'request' ? p.readOnly : p.writeOnly) return false;
  if (direction === 'response' && p.schema.open) return false;
  const declared = p.schema.values;
  return declared.length === values.length && values.every((v) => declared.includes(v));
}
