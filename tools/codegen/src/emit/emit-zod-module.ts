import type {
  IrComponent,
  IrDocument,
  IrObject,
  IrOperation,
  IrParameter,
  IrProperty,
  IrSchema,
} from '../ir/ir.js';
import type { Direction, Naming } from '../naming/naming.js';
import { docLines, tsdoc } from './tsdoc.js';
import { tsType } from './ts-type.js';
import type { TsTypeContext } from './ts-type.js';
import type { ZodDialect } from './zod-dialect.js';
import type { EnumImports, ZodContext } from './zod-expression.js';
import { objectShape, zodSchema } from './zod-expression.js';

/** What one module emission shares between components and operations. */
interface ModuleState {
  readonly ir: IrDocument;
  readonly naming: Naming;
  readonly dialect: ZodDialect;
  readonly components: ReadonlyMap<string, IrComponent>;
  readonly imports: EnumImports;
  /**
   * Standard flavour: every schema is annotated with an explicit type (tsType) rather than typed
   * by inference, and request components whose output differs from their input (defaults) also
   * export `…Output`. Keys of those components.
   */
  readonly explicit: boolean;
  readonly outputDiffers: ReadonlySet<string>;
}

/**
 * One schema module (mini.ts, classic.ts or standard.ts) for a document: every component as a
 * response schema (and a request schema when a request reaches it), then each operation's
 * parameter, body and response schemas. Each schema is exported with its type beside it (the
 * output for responses; for requests the input, what a caller writes).
 */
export function emitZodModule(ir: IrDocument, naming: Naming, dialect: ZodDialect): string {
  const components = new Map(ir.components.map((c) => [c.key, c]));
  const imports: EnumImports = { values: new Set(), types: new Set(), unknownVariant: false };
  const explicit = dialect.flavour === 'standard';
  const state: ModuleState = {
    ir,
    naming,
    dialect,
    components,
    imports,
    explicit,
    outputDiffers: explicit ? requestOutputDiffers(ir, naming, components) : new Set(),
  };

  const body: string[] = [];
  for (const component of ir.components) {
    if (component.inResponse) body.push(emitComponent(component, 'response', state));
    if (component.inRequest) body.push(emitComponent(component, 'request', state));
  }
  for (const op of ir.operations) body.push(...emitOperation(op, state));

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

function zodContext(state: ModuleState, direction: Direction, lazy: ReadonlySet<string>) {
  const { dialect, naming, components, imports } = state;
  return { dialect, direction, naming, components, lazy, imports } satisfies ZodContext;
}

/**
 * The explicit type of a schema. References to components are by name; a request component whose
 * output differs from its input is referred to as `…Output` for outputs. The zod modules only
 * annotate cycles, whose other (non-cyclic) components they type by inference.
 */
function typeOf(
  state: Pick<ModuleState, 'naming' | 'components' | 'imports' | 'explicit' | 'outputDiffers'>,
  schema: IrSchema,
  direction: Direction,
  io: 'input' | 'output',
  lazy: ReadonlySet<string>,
): string {
  const { naming, components, imports } = state;
  const ctx: TsTypeContext = {
    direction,
    io,
    naming,
    components,
    lazy,
    useType: (t) => imports.types.add(t),
    refType: (key) => {
      const name = naming.component(key, direction);
      if (state.explicit) {
        const output = direction === 'request' && io === 'output' && state.outputDiffers.has(key);
        return output ? `${name}Output` : name;
      }
      // zod modules: a component outside any cycle is typed by inference.
      if (components.get(key)!.cycle.length === 0) return `z.${io}<typeof ${name}>`;
      return direction === 'request' && io === 'output' ? `${name}Output` : name;
    },
  };
  return tsType(schema, ctx);
}

/**
 * The request components whose parsed output differs from their input (a default is applied
 * somewhere inside): they export `…Output` in the standard module. A fixpoint, since a component
 * differs when a component it refers to does.
 */
function requestOutputDiffers(
  ir: IrDocument,
  naming: Naming,
  components: ReadonlyMap<string, IrComponent>,
): Set<string> {
  const differs = new Set<string>();
  const probe = {
    naming,
    components,
    imports: { values: new Set<string>(), types: new Set<string>(), unknownVariant: false },
    explicit: true,
    outputDiffers: differs,
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const c of ir.components) {
      if (!c.inRequest || differs.has(c.key)) continue;
      const lazy = new Set(c.cycle);
      const input = typeOf(probe, c.schema, 'request', 'input', lazy);
      const output = typeOf(probe, c.schema, 'request', 'output', lazy);
      if (input !== output) {
        differs.add(c.key);
        changed = true;
      }
    }
  }
  return differs;
}

function emitComponent(component: IrComponent, direction: Direction, state: ModuleState): string {
  const { naming, dialect } = state;
  const name = naming.component(component.key, direction);
  const doc = tsdoc(docLines(component.schema.docs, [requestNote(component, direction, naming)]));
  const recursive = component.cycle.length > 0;
  const lazy = new Set(component.cycle);
  const expr = zodSchema(component.schema, zodContext(state, direction, lazy));
  if (!recursive && !state.explicit) {
    const infer = direction === 'response' ? 'output' : 'input';
    return `${doc}export const ${name} = ${expr};\nexport type ${name} = z.${infer}<typeof ${name}>;`;
  }
  // Explicit types: in zod modules for reference cycles (inference cannot see through z.lazy),
  // in the standard module for every schema.
  const typeFor = (io: 'output' | 'input') => typeOf(state, component.schema, direction, io, lazy);
  if (direction === 'response') {
    return (
      `${doc}export type ${name} = ${typeFor('output')};\n` +
      `${state.explicit ? doc : ''}export const ${name}: ${dialect.schemaType(name)} = ${expr};`
    );
  }
  const withOutput = !state.explicit || state.outputDiffers.has(component.key);
  if (!withOutput) {
    return (
      `${doc}export type ${name} = ${typeFor('input')};\n` +
      `${doc}export const ${name}: ${dialect.schemaType(name)} = ${expr};`
    );
  }
  return (
    `${doc}export type ${name} = ${typeFor('input')};\n` +
    `/** What parsing with {@link ${name}} yields (defaults filled in). */\n` +
    `export type ${name}Output = ${typeFor('output')};\n` +
    `${state.explicit ? doc : ''}export const ${name}: ${dialect.schemaType(`${name}Output`, name)} = ${expr};`
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

/**
 * `export const name = expr` with its type: in the zod modules by inference; in the standard
 * module explicit (plus `…Output` when parsing fills in defaults). A bare reference to a component
 * is exported as an alias of it.
 */
function emitNamed(
  state: ModuleState,
  name: string,
  doc: string,
  expr: string,
  direction: Direction,
  schema: { ir: IrSchema; optional?: boolean },
): string {
  const { dialect } = state;
  const infer = direction === 'response' ? 'output' : 'input';
  if (!state.explicit) {
    return `${doc}export const ${name} = ${expr};\nexport type ${name} = z.${infer}<typeof ${name}>;`;
  }
  const { ir, optional } = schema;
  if (ir.kind === 'ref' && !ir.nullable && !optional) {
    return `${doc}export const ${name} = ${expr};\nexport type ${name} = ${typeOf(state, ir, direction, infer, new Set())};`;
  }
  const orUndefined = optional ? ' | undefined' : '';
  const input = typeOf(state, ir, direction, 'input', new Set()) + orUndefined;
  const output = typeOf(state, ir, direction, 'output', new Set()) + orUndefined;
  if (direction === 'response' || input === output) {
    return `${doc}export type ${name} = ${output};\n${doc}export const ${name}: ${dialect.schemaType(name)} = ${expr};`;
  }
  return (
    `${doc}export type ${name} = ${input};\n` +
    `/** What parsing with {@link ${name}} yields (defaults filled in). */\n` +
    `export type ${name}Output = ${output};\n` +
    `${doc}export const ${name}: ${dialect.schemaType(`${name}Output`, name)} = ${expr};`
  );
}

function emitOperation(op: IrOperation, state: ModuleState): string[] {
  const { naming } = state;
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
    const ctx = zodContext(state, 'request', new Set());
    const kind = part === 'pathParams' ? 'Path' : 'Query';
    const doc = tsdoc([`${kind} parameters of ${opLabel}.`]);
    const object: IrObject = {
      kind: 'object',
      properties,
      additional: undefined,
      freeForm: false,
      nullable: false,
      docs: {},
    };
    const expr = ctx.dialect.call('strictObject', objectShape(properties, ctx));
    out.push(emitNamed(state, name, doc, expr, 'request', { ir: object }));
  };
  params('pathParams', op.pathParams);
  params('queryParams', op.queryParams);

  const bodyName = naming.operation(op, 'body');
  if (bodyName !== undefined && op.body) {
    const ctx = zodContext(state, 'request', new Set());
    let expr = zodSchema(op.body.schema, ctx);
    if (!op.body.required) expr = ctx.dialect.optional(expr);
    const doc = tsdoc([`Request body of ${opLabel}.`, op.body.description]);
    out.push(
      emitNamed(state, bodyName, doc, expr, 'request', {
        ir: op.body.schema,
        optional: !op.body.required,
      }),
    );
  }
  for (const response of op.responses) {
    const name = naming.operation(op, `response:${response.status}`);
    if (name === undefined || response.schema === undefined) continue;
    const doc = tsdoc([`Response ${response.status} of ${opLabel}.`, response.description]);
    const expr = zodSchema(response.schema, zodContext(state, 'response', new Set()));
    out.push(emitNamed(state, name, doc, expr, 'response', { ir: response.schema }));
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
