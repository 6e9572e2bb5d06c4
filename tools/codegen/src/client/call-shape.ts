import { CodegenError } from '../errors/codegen-error.js';
import type { IrComponent, IrParameter, IrSchema } from '../ir/ir.js';
import type { ClientMethod } from './client-methods.js';

/** A parameter carried in a method's `params` object. */
export interface ParamsKey {
  readonly param: IrParameter;
  /** Filled from the client (`ctx.pathDefaults` / `ctx.queryDefaults`) when the caller gives none. */
  readonly defaulted: boolean;
  /** The caller must give it. */
  readonly required: boolean;
}

/**
 * How the request body travels in `params`:
 * - `none`: the operation has no JSON body;
 * - `whole`: `params` is the body (nothing else goes in `params`);
 * - `spread`: the body's fields sit beside the parameters (`{ metadata, spec, workspaceId }`) and
 *   are split back out at call time;
 * - `property`: the body is `params.body` (a body that is not a closed object, or an optional one
 *   beside parameters).
 */
export type BodyPlacement = 'none' | 'whole' | 'spread' | 'property';

/** Where each input of an operation goes in its client method's arguments. */
export interface CallShape {
  /** The one positional argument: the last path parameter without a client-level default. */
  readonly positional: IrParameter | undefined;
  /** The other path parameters, then the query parameters, in document order. */
  readonly keys: readonly ParamsKey[];
  readonly body: BodyPlacement;
  /** There is a `params` argument. */
  readonly hasParams: boolean;
  /** `params` may be left out (nothing in it is required). */
  readonly paramsOptional: boolean;
}

/** What {@link callShape} needs besides the method. */
export interface CallShapeContext {
  readonly components: ReadonlyMap<string, IrComponent>;
  /** Path parameters the client fills in (`workspaceId`). */
  readonly pathDefaults: readonly string[];
  /** Query parameters the client fills in (`projectId`). */
  readonly queryDefaults: readonly string[];
}

/**
 * The call shape of a client method, as Stainless-generated SDKs have it, so that code written for
 * the vendor's SDK runs unchanged:
 *
 * `method(lastPathParam?, params?, options?)`
 *
 * - the last path parameter (in template order) without a client-level default is positional
 *   (`retrieve(id)`, `entries.create(memoryLayerId, …)`);
 * - every other input is a key of ONE `params` object: the other path parameters (required), the
 *   path and query parameters with a client-level default (optional), the query parameters, and
 *   the body's fields (`create({ metadata, spec, workspaceId })`);
 * - a body alone is `params` itself; a body that cannot be spread (not a closed object, or
 *   optional beside parameters) is `params.body`.
 *
 * @throws CodegenError when two inputs would take the same key of `params` (a body field and a
 *   parameter, a path and a query parameter, or a parameter called `body` beside a `params.body`).
 */
export function callShape(method: ClientMethod, ctx: CallShapeContext): CallShape {
  const { op } = method;
  const defaulted = (p: IrParameter) =>
    (p.in === 'path' ? ctx.pathDefaults : ctx.queryDefaults).includes(p.name);
  const positional = op.pathParams.filter((p) => !defaulted(p)).at(-1);
  const keys: ParamsKey[] = [...op.pathParams, ...op.queryParams]
    .filter((p) => p !== positional)
    .map((p) => ({
      param: p,
      defaulted: defaulted(p),
      required: !defaulted(p) && (p.in === 'path' || p.required),
    }));

  let body: BodyPlacement = 'none';
  let fields: readonly string[] = [];
  if (op.body) {
    const spreadable = op.body.required ? objectFields(op.body.schema, ctx.components) : undefined;
    if (keys.length === 0) body = 'whole';
    else if (spreadable) [body, fields] = ['spread', spreadable];
    else [body, fields] = ['property', ['body']];
  }

  const where = `${op.operationId} (${[...method.resource, method.name].join('.')})`;
  const taken = new Map<string, string>();
  const claim = (name: string, what: string) => {
    const other = taken.get(name);
    if (other !== undefined) {
      throw new CodegenError(
        `${where}: ${other} and ${what} would both be params.${name}; rename one in the document`,
      );
    }
    taken.set(name, what);
  };
  for (const { param } of keys) claim(param.name, `the ${param.in} parameter "${param.name}"`);
  for (const name of fields) {
    claim(name, body === 'property' ? 'the request body' : `the body field "${name}"`);
  }

  const hasParams = keys.length > 0 || body !== 'none';
  const paramsOptional = !keys.some((k) => k.required) && !op.body?.required;
  return { positional, keys, body, hasParams, paramsOptional };
}

/**
 * The fields of a body that can be spread beside parameters: a closed object (no
 * `additionalProperties`), or a union or intersection of them; undefined for anything else (an
 * array, a record, a nullable body), whose keys could not be told apart from the parameters.
 * readOnly fields are left out: requests never carry them.
 */
export function objectFields(
  schema: IrSchema,
  components: ReadonlyMap<string, IrComponent>,
  seen: ReadonlySet<string> = new Set(),
): readonly string[] | undefined {
  if (schema.nullable) return undefined;
  switch (schema.kind) {
    case 'ref': {
      const target = components.get(schema.component);
      if (!target || seen.has(schema.component)) return undefined;
      return objectFields(target.schema, components, new Set([...seen, schema.component]));
    }
    case 'object': {
      const closed = schema.additional === undefined || schema.additional === false;
      if (schema.freeForm || !closed) return undefined;
      return schema.properties.filter((p) => !p.readOnly).map((p) => p.name);
    }
    case 'union':
    case 'intersection': {
      const names = new Set<string>();
      for (const part of schema.kind === 'union' ? schema.variants : schema.parts) {
        const own = objectFields(part, components, seen);
        if (own === undefined) return undefined;
        own.forEach((n) => names.add(n));
      }
      return [...names];
    }
    default:
      return undefined;
  }
}
