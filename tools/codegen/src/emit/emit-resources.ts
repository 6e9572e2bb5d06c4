import type { ClientMethod, ResourceNode } from '../client/client-methods.js';
import type { IrComponent, IrDocument, IrParameter, IrSchema } from '../ir/ir.js';
import { camelCase, pascalCase, propertyKey, stringLiteral } from '../naming/identifiers.js';
import type { Naming } from '../naming/naming.js';
import { tsdoc } from './tsdoc.js';
import { tsType } from './ts-type.js';

/** What the client emitter needs besides the document. */
export interface ResourcesOptions {
  /**
   * Where the generated schemas live: a package subpath root (`@upkit/schemas/cadenya`, whose
   * `/operations` and `/standard` entries are imported) or a relative directory (`../schemas`,
   * whose `operations.js` and `standard-index.js` are imported).
   */
  readonly schemasModule: string;
  /** Where `APIPromise` and the other core-http types come from. @default '@upkit/core-http' */
  readonly coreModule: string;
  /** Path parameters the client fills in when the caller does not (`workspaceId`). */
  readonly pathDefaults: readonly string[];
  /** Query parameters the client fills in when the caller does not (`projectId`). */
  readonly queryDefaults: readonly string[];
}

/** Names a method's own parameters use; a path parameter called so is renamed. */
const OWN_PARAMETERS = new Set(['body', 'params', 'options']);

/**
 * resources.ts: one class per resource of the client (named from `x-upkit-method`), each method
 * calling `ctx.request(descriptor, { path, query, body }, options)` with the operation's
 * descriptor from the schemas package, and `createResources(ctx)` building them all. It imports
 * core-http for types only: the context is whatever has a compatible `request` (core-http's
 * `HttpClient` has).
 *
 * Signature of each method: `(...pathParams, body?, params?, options?)`, where the positional path
 * parameters are those without a client-level default, in template order; `body` is there when the
 * operation has a JSON body; `params` holds the path parameters with a client-level default and the
 * query parameters (and is optional when all of them are).
 */
export function emitResources(
  ir: IrDocument,
  naming: Naming,
  tree: ResourceNode,
  options: ResourcesOptions,
): string {
  const components = new Map(ir.components.map((c) => [c.key, c]));
  const typeImports = new Set<string>();
  const descriptors = new Set<string>();
  const classes: string[] = [];
  const emitNode = (node: ResourceNode) => {
    // Sub-resources first, so that each class is declared before the one that creates it.
    for (const child of node.children.values()) emitNode(child);
    if (node.path.length === 0) return;
    classes.push(emitClass(node, { naming, components, typeImports, descriptors, options }));
  };
  emitNode(tree);

  const relative = options.schemasModule.startsWith('.');
  const operationsModule = `${options.schemasModule}/${relative ? 'operations.js' : 'operations'}`;
  const typesModule = `${options.schemasModule}/${relative ? 'standard-index.js' : 'standard'}`;
  const head = [
    `import type { APIPromise, OperationDescriptor, OperationOutput, OperationParams, OperationRequestOptions } from ${stringLiteral(options.coreModule)};`,
    `import { ${[...descriptors].sort().join(', ')} } from ${stringLiteral(operationsModule)};`,
  ];
  if (typeImports.size > 0) {
    head.push(
      `import type { ${[...typeImports].sort().join(', ')} } from ${stringLiteral(typesModule)};`,
    );
  }
  const tops = [...tree.children.entries()];
  const root = [
    tsdoc(['The resources of the API, as the client exposes them.']) +
      `export interface Resources {\n${tops
        .map(([name, child]) => `readonly ${propertyKey(name)}: ${className(child)};`)
        .join('\n')}\n}`,
    tsdoc([
      'Builds every resource over one context; the client facade exposes them (`this.uploads = resources.uploads`).',
    ]) +
      `export function createResources(ctx: ResourceContext): Resources {\n` +
      `  return {\n${tops.map(([name, child]) => `${propertyKey(name)}: new ${className(child)}(ctx),`).join('\n')}\n};\n}`,
  ];
  return `${head.join('\n')}\n\n${CONTEXT}\n\n${classes.join('\n\n')}\n\n${root.join('\n\n')}\n`;
}

const CONTEXT = `${tsdoc([
  "What the resources run on: core-http's `HttpClient` fits as it is (its `request` runs a descriptor); a client facade adds the client-level defaults of path and query parameters, read on every call.",
])}export interface ResourceContext {
  request<Op extends OperationDescriptor>(
    op: Op,
    params?: OperationParams<Op>,
    options?: OperationRequestOptions,
  ): APIPromise<OperationOutput<Op>>;
  /**
   * Per path parameter name: its value when the caller gives none (\`workspaceId\`). When neither
   * gives one, the value stays undefined and core-http refuses the request before sending it
   * (a \`RequestValidationError\` naming the parameter).
   */
  readonly pathDefaults?: Readonly<Record<string, (() => string | undefined) | undefined>>;
  /** Per query parameter name: its value when the caller gives none (\`projectId\`). */
  readonly queryDefaults?: Readonly<Record<string, (() => unknown) | undefined>>;
}`;

function className(node: ResourceNode): string {
  return `${pascalCase(node.path.join(' '))}Resource`;
}

interface ClassContext {
  readonly naming: Naming;
  readonly components: ReadonlyMap<string, IrComponent>;
  readonly typeImports: Set<string>;
  readonly descriptors: Set<string>;
  readonly options: ResourcesOptions;
}

function emitClass(node: ResourceNode, ctx: ClassContext): string {
  const members: string[] = [];
  const children = [...node.children.entries()];
  for (const [name, child] of children) {
    members.push(`readonly ${propertyKey(name)}: ${className(child)};`);
  }
  if (node.methods.length > 0) members.push('readonly #ctx: ResourceContext;');
  const init = [
    ...(node.methods.length > 0 ? ['this.#ctx = ctx;'] : []),
    ...children.map(([name, child]) => `this${accessor(name)} = new ${className(child)}(ctx);`),
  ];
  members.push(`constructor(ctx: ResourceContext) {\n${init.join('\n')}\n}`);
  for (const method of node.methods) members.push(emitMethod(method, ctx));
  const doc = tsdoc([`\`client.${node.path.join('.')}\``]);
  return `${doc}export class ${className(node)} {\n${members.join('\n\n')}\n}`;
}

/** `.name` or `['na-me']`. */
function accessor(name: string): string {
  const key = propertyKey(name);
  return key.startsWith("'") || key.startsWith('[')
    ? `[${key.replace(/^\[|\]$/g, '')}]`
    : `.${key}`;
}

function emitMethod(method: ClientMethod, ctx: ClassContext): string {
  const { op } = method;
  const { naming, options } = ctx;
  ctx.descriptors.add(op.exportName);
  const typeOf = (schema: IrSchema, direction: 'request' | 'response') =>
    tsType(schema, {
      direction,
      io: direction === 'request' ? 'input' : 'output',
      naming,
      components: ctx.components,
      lazy: new Set(),
      useType: (name) => ctx.typeImports.add(name),
      refType: (key) => {
        const name = naming.component(key, direction);
        ctx.typeImports.add(name);
        return name;
      },
    });
  const named = (schema: IrSchema, direction: 'request' | 'response', fallback: string) => {
    if (schema.kind === 'ref' && !schema.nullable) {
      const name = naming.component(schema.component, direction);
      ctx.typeImports.add(name);
      return name;
    }
    ctx.typeImports.add(fallback);
    return fallback;
  };

  const defaulted = (p: IrParameter) =>
    p.in === 'path'
      ? options.pathDefaults.includes(p.name)
      : options.queryDefaults.includes(p.name);
  const positional = op.pathParams.filter((p) => !defaulted(p));
  const inParams = [...op.pathParams.filter(defaulted), ...op.queryParams];
  const local = new Map<string, string>();
  for (const p of positional) {
    let name = camelCase(p.name);
    if (OWN_PARAMETERS.has(name)) name = `${name}Param`;
    local.set(p.name, name);
  }

  const signature: string[] = [];
  const paramDocs: string[] = [];
  for (const p of positional) {
    signature.push(`${local.get(p.name)}: ${typeOf(p.schema, 'request')}`);
    paramDocs.push(
      `@param ${local.get(p.name)} - ${p.docs.description ?? `The \`${p.name}\` path parameter.`}`,
    );
  }
  if (op.body) {
    const bodyName = naming.operation(op, 'body')!;
    const type = named(op.body.schema, 'request', bodyName);
    signature.push(`body${op.body.required ? '' : '?'}: ${type}`);
    paramDocs.push(`@param body - ${op.body.description ?? 'The request body.'}`);
  }
  if (inParams.length > 0) {
    const required = inParams.some((p) => p.required && !defaulted(p));
    const fields = inParams.map((p) => {
      const optional = !p.required || defaulted(p);
      const doc = tsdoc([
        p.docs.description,
        defaulted(p) && `Defaults to the client's \`${p.name}\`.`,
        p.docs.deprecated && '@deprecated',
      ]);
      return `${doc}${propertyKey(p.name)}${optional ? '?' : ''}: ${typeOf(p.schema, 'request')}${optional ? ' | undefined' : ''};`;
    });
    signature.push(`params: {\n${fields.join('\n')}\n}${required ? '' : ' = {}'}`);
    paramDocs.push(`@param params - ${inParams.map((p) => `\`${p.name}\``).join(', ')}.`);
  }
  signature.push('options?: OperationRequestOptions');
  paramDocs.push(
    '@param options - Per-call options (signal, timeout, retries, headers, idempotency key…).',
  );

  const success = naming.operation(op, 'response');
  const successSchema = op.responses.find((r) => r.status === op.successStatus)?.schema;
  const output =
    success !== undefined && successSchema !== undefined
      ? named(successSchema, 'response', success)
      : 'undefined';

  const read = (p: IrParameter) => {
    const value = `params${accessor(p.name)}`;
    if (!defaulted(p)) return value;
    const defaults = p.in === 'path' ? 'pathDefaults' : 'queryDefaults';
    const key = propertyKey(p.name);
    const fallback = `${value} ?? this.#ctx.${defaults}?.${/^['[]/.test(key) ? `[${key.replace(/^\[|\]$/g, '')}]` : key}?.()`;
    // Typed as present: when it is not, core-http refuses the request before sending it.
    return p.in === 'path' ? `(${fallback}) as ${typeOf(p.schema, 'request')}` : fallback;
  };
  const entry = (p: IrParameter, value: string) =>
    value === propertyKey(p.name) ? `${value},` : `${propertyKey(p.name)}: ${value},`;
  const request: string[] = [];
  if (op.pathParams.length > 0) {
    const entries = op.pathParams.map((p) =>
      entry(p, local.has(p.name) ? local.get(p.name)! : read(p)),
    );
    request.push(`path: {\n${entries.join('\n')}\n},`);
  }
  if (op.queryParams.length > 0) {
    request.push(`query: {\n${op.queryParams.map((p) => entry(p, read(p))).join('\n')}\n},`);
  }
  if (op.body) request.push('body,');

  const doc = tsdoc([
    op.summary,
    op.description !== op.summary && op.description,
    `\`${op.method} ${op.path}\` (${op.operationId})`,
    op.otherBodyMediaTypes.length > 0 &&
      !op.body &&
      `Its ${op.otherBodyMediaTypes.join(', ')} body cannot be sent through this method.`,
    paramDocs.join('\n'),
    op.deprecated && '@deprecated',
  ]);
  return (
    `${doc}${method.name}(${signature.join(', ')}): APIPromise<${output}> {\n` +
    `return this.#ctx.request(${op.exportName}, {${request.length ? `\n${request.join('\n')}\n` : ''}}, options);\n}`
  );
}
