import { callShape } from '../client/call-shape.js';
import type { ClientMethod, ResourceNode } from '../client/client-methods.js';
import { CodegenError } from '../errors/codegen-error.js';
import type { IrComponent, IrDocument, IrSchema } from '../ir/ir.js';
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

/** Names a method's own locals use; a parameter whose name is one of these gets another local. */
const OWN_LOCALS = ['params', 'options', 'body'];

/**
 * resources.ts: one class per resource of the client (named from `x-upkit-method`), each method
 * splitting its arguments into `{ path, query, body }` and calling `ctx.request(descriptor, …,
 * options)` with the operation's descriptor from the schemas package, one exported `…Params` type
 * per method that has a `params` argument, and `createResources(ctx)` building them all. It imports
 * core-http for types only: the context is whatever has a compatible `request` (core-http's
 * `HttpClient` has).
 *
 * Signature of each method: `(lastPathParam?, params?, options?)`, the Stainless call shape (see
 * {@link callShape}): the last path parameter without a client-level default is positional; the
 * other path parameters, the query parameters and the body's fields share one `params` object.
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
  const declared = new Set(['ResourceContext', 'Resources', 'createResources']);
  const classes: string[] = [];
  const emitNode = (node: ResourceNode) => {
    // Sub-resources first, so that each class is declared before the one that creates it.
    for (const child of node.children.values()) emitNode(child);
    if (node.path.length === 0) return;
    const ctx = { naming, components, typeImports, descriptors, declared, options };
    classes.push(emitClass(node, ctx));
  };
  emitNode(tree);
  for (const name of [...typeImports, ...descriptors]) {
    if (declared.has(name)) {
      throw new CodegenError(
        `The client would both declare and import ${name}: rename the schema, operation or resource`,
      );
    }
  }

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
   * gives one, the value is passed to \`request\` as undefined: the context decides what a
   * missing one means (core-http's \`HttpClient\` refuses it, sending nothing).
   */
  readonly pathDefaults?: Readonly<Record<string, (() => string | undefined) | undefined>>;
  /** Per query parameter name: its value when the caller gives none (\`projectId\`). */
  readonly queryDefaults?: Readonly<Record<string, (() => unknown) | undefined>>;
}`;

/** `UploadsResource`, `MemoryLayersEntriesResource`. */
function className(node: ResourceNode): string {
  return `${pascalCase(node.path.join(' '))}Resource`;
}

/** `UploadsRetrieveParams`, `MemoryLayersEntriesCreateParams`. */
function paramsTypeName(method: ClientMethod): string {
  return `${pascalCase([...method.resource, method.name].join(' '))}Params`;
}

interface ClassContext {
  readonly naming: Naming;
  readonly components: ReadonlyMap<string, IrComponent>;
  readonly typeImports: Set<string>;
  readonly descriptors: Set<string>;
  /** Every top-level name the file declares, to refuse one that is also imported. */
  readonly declared: Set<string>;
  readonly options: ResourcesOptions;
}

/** The `…Params` types of a resource's methods, then its class. */
function emitClass(node: ResourceNode, ctx: ClassContext): string {
  const name = className(node);
  declare(name, ctx);
  const members: string[] = [];
  const types: string[] = [];
  const children = [...node.children.entries()];
  for (const [key, child] of children) {
    members.push(`readonly ${propertyKey(key)}: ${className(child)};`);
  }
  if (node.methods.length > 0) members.push('readonly #ctx: ResourceContext;');
  const init = [
    ...(node.methods.length > 0 ? ['this.#ctx = ctx;'] : []),
    ...children.map(([key, child]) => `this${accessor(key)} = new ${className(child)}(ctx);`),
  ];
  members.push(`constructor(ctx: ResourceContext) {\n${init.join('\n')}\n}`);
  for (const method of node.methods) {
    const { type, code } = emitMethod(method, name, ctx);
    if (type) types.push(type);
    members.push(code);
  }
  const doc = tsdoc([`\`client.${node.path.join('.')}\``]);
  return [...types, `${doc}export class ${name} {\n${members.join('\n\n')}\n}`].join('\n\n');
}

function declare(name: string, ctx: ClassContext): void {
  if (ctx.declared.has(name)) {
    throw new CodegenError(`The client would declare ${name} twice: rename a resource or method`);
  }
  ctx.declared.add(name);
}

/** `.name` or `['na-me']`. */
function accessor(name: string): string {
  const key = propertyKey(name);
  return key.startsWith("'") || key.startsWith('[')
    ? `[${key.replace(/^\[|\]$/g, '')}]`
    : `.${key}`;
}

/** One method: its `…Params` type (when it has a `params` argument) and its code. */
function emitMethod(
  method: ClientMethod,
  owner: string,
  ctx: ClassContext,
): { type: string | undefined; code: string } {
  const { op } = method;
  const { naming, options } = ctx;
  ctx.descriptors.add(op.exportName);
  const shape = callShape(method, { components: ctx.components, ...options });
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

  // Locals: the positional argument, then one per key of `params`, none shadowing another.
  // The descriptor is taken too: a local of its name would hide it.
  const used = new Set([...OWN_LOCALS, op.exportName]);
  const localFor = (name: string) => {
    let local = camelCase(name);
    while (used.has(local)) local = `${local}Param`;
    used.add(local);
    return local;
  };
  const positional = shape.positional && {
    param: shape.positional,
    local: localFor(shape.positional.name),
  };
  const keys = shape.keys.map((k) => ({ ...k, local: localFor(k.param.name) }));

  const signature: string[] = [];
  const paramDocs: string[] = [];
  if (positional) {
    const { param, local } = positional;
    signature.push(`${local}: ${typeOf(param.schema, 'request')}`);
    paramDocs.push(
      `@param ${local} - ${param.docs.description ?? `The \`${param.name}\` path parameter.`}`,
    );
  }

  let type: string | undefined;
  if (shape.hasParams) {
    const typeName = paramsTypeName(method);
    declare(typeName, ctx);
    const fields = keys.map(({ param, defaulted, required }) => {
      const doc = tsdoc([
        param.docs.description,
        defaulted && `Defaults to the client's \`${param.name}\`.`,
        param.docs.deprecated && '@deprecated',
      ]);
      return `${doc}${propertyKey(param.name)}${required ? '' : '?'}: ${typeOf(param.schema, 'request')}${required ? '' : ' | undefined'};`;
    });
    const bodyType = op.body && named(op.body.schema, 'request', naming.operation(op, 'body')!);
    const bodyDoc = op.body?.description ?? 'The request body.';
    if (shape.body === 'property') {
      const required = op.body!.required;
      fields.unshift(
        `${tsdoc([bodyDoc])}body${required ? '' : '?'}: ${bodyType}${required ? '' : ' | undefined'};`,
      );
    }
    const object = `{\n${fields.join('\n')}\n}`;
    const doc = tsdoc([`The \`params\` of {@link ${owner}.${method.name}}.`]);
    type =
      shape.body === 'whole'
        ? `${doc}export type ${typeName} = ${bodyType};`
        : shape.body === 'spread'
          ? `${doc}export type ${typeName} = ${bodyType} & ${object};`
          : `${doc}export interface ${typeName} ${object}`;
    // A whole body may be anything (an array…), so an optional one has no `{}` default.
    const optional = shape.paramsOptional
      ? shape.body === 'whole'
        ? ['?', '']
        : ['', ' = {}']
      : ['', ''];
    signature.push(`params${optional[0]}: ${typeName}${optional[1]}`);
    const names = keys.map((k) => `\`${k.param.name}\``);
    paramDocs.push(
      `@param params - ${
        shape.body === 'whole'
          ? bodyDoc
          : shape.body === 'spread'
            ? `The request body's fields${op.body!.description ? ` (${op.body!.description.replace(/\.$/, '')})` : ''}, and ${names.join(', ')}.`
            : [...(shape.body === 'property' ? ['`body`'] : []), ...names].join(', ') + '.'
      }`,
    );
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

  // `const { workspaceId, 'sort.order': sortOrder, ...body } = params;`
  const statements: string[] = [];
  if (keys.length > 0) {
    const pattern = keys.map(({ param, local }) =>
      local === param.name ? local : `${propertyKey(param.name)}: ${local}`,
    );
    if (shape.body === 'spread') pattern.push('...body');
    if (shape.body === 'property') pattern.unshift('body');
    statements.push(`const { ${pattern.join(', ')} } = params;`);
  }
  const value = (k: (typeof keys)[number]) => {
    if (!k.defaulted) return k.local;
    const defaults = k.param.in === 'path' ? 'pathDefaults' : 'queryDefaults';
    const fallback = `${k.local} ?? this.#ctx.${defaults}?.${accessor(k.param.name).replace(/^\./, '')}?.()`;
    // Typed as present: a missing one is passed on for the context to refuse (see ResourceContext).
    return k.param.in === 'path'
      ? `(${fallback}) as ${typeOf(k.param.schema, 'request')}`
      : fallback;
  };
  const entry = (name: string, v: string) =>
    v === propertyKey(name) ? `${v},` : `${propertyKey(name)}: ${v},`;
  const byName = new Map(keys.map((k) => [k.param.name, k]));
  const request: string[] = [];
  if (op.pathParams.length > 0) {
    const entries = op.pathParams.map((p) =>
      entry(p.name, p === positional?.param ? positional.local : value(byName.get(p.name)!)),
    );
    request.push(`path: {\n${entries.join('\n')}\n},`);
  }
  if (op.queryParams.length > 0) {
    const entries = op.queryParams.map((p) => entry(p.name, value(byName.get(p.name)!)));
    request.push(`query: {\n${entries.join('\n')}\n},`);
  }
  if (shape.body === 'whole') request.push('body: params,');
  else if (shape.body !== 'none') request.push('body,');
  statements.push(
    `return this.#ctx.request(${op.exportName}, {${request.length ? `\n${request.join('\n')}\n` : ''}}, options);`,
  );

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
  return {
    type,
    code: `${doc}${method.name}(${signature.join(', ')}): APIPromise<${output}> {\n${statements.join('\n')}\n}`,
  };
}
