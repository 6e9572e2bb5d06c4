import type {
  IrComponent,
  IrDocument,
  IrOperation,
  IrParameter,
  IrProperty,
  IrSchema,
} from '../ir/ir.js';
import type { Direction, Naming } from '../naming/naming.js';
import { docLines, tsdoc } from './tsdoc.js';
import { tsType } from './ts-type.js';
import type { ZodDialect } from './zod-dialect.js';
import type { EnumImports, ZodContext } from './zod-expression.js';
import { objectShape, zodSchema } from './zod-expression.js';

/**
 * One zod module (mini.ts or classic.ts) for a document: every component as a response schema
 * (and a request schema when a request reaches it), then each operation's parameter, body and
 * response schemas. Each schema is exported with its type beside it (`z.output` for responses,
 * `z.input` for requests: what a caller writes).
 */
export function emitZodModule(ir: IrDocument, naming: Naming, dialect: ZodDialect): string {
  const components = new Map(ir.components.map((c) => [c.key, c]));
  const imports: EnumImports = { values: new Set(), types: new Set(), unknownVariant: false };
  const context = (direction: Direction, lazy: ReadonlySet<string> = new Set()): ZodContext => ({
    dialect,
    direction,
    naming,
    components,
    lazy,
    imports,
  });

  const body: string[] = [];
  for (const component of ir.components) {
    if (component.inResponse) {
      body.push(
        emitComponent(component, 'response', context, naming, dialect, components, imports),
      );
    }
    if (component.inRequest) {
      body.push(emitComponent(component, 'request', context, naming, dialect, components, imports));
    }
  }
  for (const op of ir.operations) body.push(...emitOperation(op, naming, context));

  const head: string[] = [dialect.importZod];
  const typeImports = [...imports.types].sort();
  const valueImports = [...imports.values].sort();
  if (valueImports.length > 0)
    head.push(`import { ${valueImports.join(', ')} } from './enums.js';`);
  if (typeImports.length > 0) {
    head.push(`import type { ${typeImports.join(', ')} } from './enums.js';`);
  }
  if (imports.unknownVariant) head.push(dialect.unknownVariantHelper());
  return `${head.join('\n')}\n\n${body.join('\n\n')}\n`;
}

function emitComponent(
  component: IrComponent,
  direction: Direction,
  context: (direction: Direction, lazy?: ReadonlySet<string>) => ZodContext,
  naming: Naming,
  dialect: ZodDialect,
  components: ReadonlyMap<string, IrComponent>,
  imports: EnumImports,
): string {
  const name = naming.component(component.key, direction);
  const doc = tsdoc(docLines(component.schema.docs, [requestNote(component, direction, naming)]));
  const recursive = component.cycle.length > 0;
  const ctx = context(direction, new Set(component.cycle));
  const expr = zodSchema(component.schema, ctx);
  if (!recursive) {
    const infer = direction === 'response' ? 'output' : 'input';
    return `${doc}export const ${name} = ${expr};\nexport type ${name} = z.${infer}<typeof ${name}>;`;
  }
  // In a reference cycle: explicit types, because inference cannot see through z.lazy.
  const typeFor = (io: 'output' | 'input') =>
    tsType(component.schema, {
      direction,
      io,
      naming,
      components,
      useType: (t) => imports.types.add(t),
      refType: (key) => {
        const other = components.get(key)!;
        const otherName = naming.component(key, direction);
        if (other.cycle.length > 0) {
          return direction === 'request' && io === 'output' ? `${otherName}Output` : otherName;
        }
        return `z.${io}<typeof ${otherName}>`;
      },
    });
  if (direction === 'response') {
    return (
      `${doc}export type ${name} = ${typeFor('output')};\n` +
      `export const ${name}: ${dialect.schemaType(name)} = ${expr};`
    );
  }
  return (
    `${doc}export type ${name} = ${typeFor('input')};\n` +
    `/** What parsing with {@link ${name}} yields (defaults filled in). */\n` +
    `export type ${name}Output = ${typeFor('output')};\n` +
    `export const ${name}: ${dialect.schemaType(`${name}Output`, name)} = ${expr};`
  );
}

function requestNote(
  component: IrComponent,
  direction: Direction,
  naming: Naming,
): string | undefined {
  if (direction === 'response') return undefined;
  if (!component.inResponse) return 'Strict: unknown keys and enum values are rejected.';
  return `Request form of {@link ${naming.component(component.key, 'response')}} (strict).`;
}

function emitOperation(
  op: IrOperation,
  naming: Naming,
  context: (direction: Direction) => ZodContext,
): string[] {
  const out: string[] = [];
  const opLabel = `\`${op.method} ${op.path}\` (${op.operationId})`;
  const params = (part: 'pathParams' | 'queryParams', list: readonly IrParameter[]) => {
    const name = naming.operation(op, part);
    if (name === undefined) return;
    const properties: IrProperty[] = list.map((p) => ({
      name: p.name,
      schema:
        p.docs.description !== undefined || p.docs.deprecated ? withDocs(p.schema, p) : p.schema,
      required: p.required,
      readOnly: false,
      writeOnly: false,
      docs: { ...p.schema.docs, ...p.docs },
    }));
    const ctx = context('request');
    const kind = part === 'pathParams' ? 'Path' : 'Query';
    const doc = tsdoc([`${kind} parameters of ${opLabel}.`]);
    out.push(
      `${doc}export const ${name} = ${ctx.dialect.call('strictObject', objectShape(properties, ctx))};\n` +
        `export type ${name} = z.input<typeof ${name}>;`,
    );
  };
  params('pathParams', op.pathParams);
  params('queryParams', op.queryParams);

  const bodyName = naming.operation(op, 'body');
  if (bodyName !== undefined && op.body) {
    const ctx = context('request');
    let expr = zodSchema(op.body.schema, ctx);
    if (!op.body.required) expr = ctx.dialect.optional(expr);
    const doc = tsdoc([`Request body of ${opLabel}.`, op.body.description]);
    out.push(
      `${doc}export const ${bodyName} = ${expr};\nexport type ${bodyName} = z.input<typeof ${bodyName}>;`,
    );
  }
  for (const response of op.responses) {
    const name = naming.operation(op, `response:${response.status}`);
    if (name === undefined || response.schema === undefined) continue;
    const doc = tsdoc([`Response ${response.status} of ${opLabel}.`, response.description]);
    out.push(
      `${doc}export const ${name} = ${zodSchema(response.schema, context('response'))};\n` +
        `export type ${name} = z.output<typeof ${name}>;`,
    );
  }
  const success = naming.operation(op, 'response');
  const successOf = naming.operation(op, `response:${op.successStatus ?? ''}`);
  if (success !== undefined && successOf !== undefined) {
    const doc = tsdoc([`Success response (${op.successStatus}) of ${opLabel}.`]);
    out.push(
      `${doc}export const ${success} = ${successOf};\nexport type ${success} = ${successOf};`,
    );
  }
  return out;
}

function withDocs(schema: IrSchema, p: IrParameter): IrSchema {
  return { ...schema, docs: { ...schema.docs, ...p.docs } };
}
