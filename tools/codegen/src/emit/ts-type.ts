import type { IrComponent, IrSchema } from '../ir/ir.js';
import { jsonLiteral, propertyKey } from '../naming/identifiers.js';
import type { Direction, Naming } from '../naming/naming.js';
import { canDiscriminate, emitsAsObject, propertyDocLines } from './zod-expression.js';
import { tsdoc } from './tsdoc.js';

export interface TsTypeContext {
  readonly direction: Direction;
  /** `output`: what parsing yields; `input`: what parsing accepts (defaults make keys optional). */
  readonly io: 'output' | 'input';
  readonly naming: Naming;
  readonly components: ReadonlyMap<string, IrComponent>;
  /** Components referenced lazily (the cycle being emitted): unions over them are not discriminated. */
  readonly lazy: ReadonlySet<string>;
  /** Inside an intersection objects stay open (as the schemas make them). */
  readonly inIntersection?: boolean;
  /** Type name of a component in this direction and io (explicit for cycles, else z.output/z.input). */
  refType(component: string): string;
  /** Records a type imported from enums.ts. */
  useType(name: string): void;
}

/**
 * A TypeScript type for a schema that matches what the schema emitters produce (zod's inferred
 * types). The zod modules use it for components in reference cycles (zod's inference cannot see
 * through `z.lazy`); the standard module annotates every schema with it.
 */
export function tsType(s: IrSchema, ctx: TsTypeContext): string {
  const base = baseType(s, ctx);
  return s.nullable ? `${base} | null` : base;
}

function baseType(s: IrSchema, ctx: TsTypeContext): string {
  switch (s.kind) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'unknown':
      return 'unknown';
    case 'enum': {
      if (!s.open) return s.values.map(jsonLiteral).join(' | ');
      const known = ctx.naming.known(s.name);
      ctx.useType(known);
      if (ctx.direction === 'request') return known;
      const kinds = [...new Set(s.values.map((v) => typeof v))].filter((k) => k !== 'boolean');
      return [known, ...kinds.map((k) => `(${k} & {})`)].join(' | ');
    }
    case 'array':
      return `Array<${tsType(s.items, ctx)}>`;
    case 'object': {
      if (!emitsAsObject(s)) {
        const value = typeof s.additional === 'object' ? tsType(s.additional, ctx) : 'unknown';
        return `Record<string, ${value}>`;
      }
      const members: string[] = [];
      for (const p of s.properties) {
        if (ctx.direction === 'request' && p.readOnly) continue;
        if (ctx.direction === 'response' && p.writeOnly) continue;
        const hasDefault = ctx.direction === 'request' && p.schema.default !== undefined;
        const optional = hasDefault ? ctx.io === 'input' : !p.required;
        const type = tsType(p.schema, ctx);
        members.push(
          `${tsdoc(propertyDocLines(p))}${propertyKey(p.name)}${optional ? '?' : ''}: ${type}${optional ? ' | undefined' : ''};`,
        );
      }
      // Other keys typed exactly as zod types them: `Record<string, unknown>` for an open object,
      // an index signature (whose keyof also includes number) for a catch-all.
      const loose = ctx.direction === 'response' || s.additional === true || ctx.inIntersection;
      const rest =
        typeof s.additional === 'object'
          ? `{ [key: string]: ${tsType(s.additional, ctx)} }`
          : loose
            ? 'Record<string, unknown>'
            : undefined;
      // zod types an empty strict object as `Record<string, never>`.
      if (members.length === 0) return rest ?? 'Record<string, never>';
      const body = `{\n${members.join('\n')}\n}`;
      return rest === undefined ? body : `${body} & ${rest}`;
    }
    case 'union': {
      const d = canDiscriminate(s, ctx.components, ctx.lazy) ? s.discriminator : undefined;
      const variants = s.variants.map((v, i) => {
        const t = tsType(v, ctx);
        if (!d) return t;
        const tag = d.values[i]!.map(jsonLiteral).join(' | ');
        return `(${t} & { ${propertyKey(d.propertyName)}: ${tag} })`;
      });
      if (d && ctx.direction === 'response') {
        ctx.useType('UnknownVariant');
        variants.push(`UnknownVariant<${jsonLiteral(d.propertyName)}>`);
      }
      return variants.join(' | ');
    }
    case 'intersection': {
      const inner = { ...ctx, inIntersection: true };
      return s.parts.map((p) => `(${tsType(p, inner)})`).join(' & ');
    }
    case 'ref':
      return ctx.refType(s.component);
  }
}
