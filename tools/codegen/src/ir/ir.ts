/**
 * The intermediate model both zod emitters (and the TypeScript-type emitter) read. It is built once
 * per document by `buildIr`, is independent of zod's API, and is already normalised: `$ref`s to
 * components are `ref` nodes, `allOf` of objects is merged, 3.0 `nullable` and 3.1 `type: [..,
 * "null"]` both become `nullable: true`, `const` becomes a one-value enum.
 */

/** Documentation carried over to TSDoc. */
export interface IrDocs {
  readonly title?: string;
  readonly description?: string;
  readonly deprecated?: boolean;
  /** Format name worth mentioning in docs (e.g. `int64`), already reflected in validation. */
  readonly format?: string;
}

interface IrBase {
  readonly nullable: boolean;
  readonly docs: IrDocs;
  /** `default` of the schema, present only when the document sets one. */
  readonly default?: { readonly value: unknown };
}

export type IrStringFormat =
  | 'date-time'
  | 'date'
  | 'time'
  | 'duration'
  | 'uuid'
  | 'email'
  | 'uri'
  | 'hostname'
  | 'ipv4'
  | 'ipv6'
  | 'byte'
  | 'int64'
  | 'uint64';

export interface IrString extends IrBase {
  readonly kind: 'string';
  readonly format?: IrStringFormat;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
}

export interface IrNumber extends IrBase {
  readonly kind: 'number';
  /** `int32`/`uint32` get zod's exact range checks; other integers only an integer check. */
  readonly integer: false | 'int' | 'int32' | 'uint32' | 'int64';
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
}

export interface IrBoolean extends IrBase {
  readonly kind: 'boolean';
}

/** JSON `null` alone (`type: "null"`, or `enum: [null]`). */
export interface IrNull extends IrBase {
  readonly kind: 'null';
}

/** Anything (`{}` or a schema without a type). */
export interface IrUnknown extends IrBase {
  readonly kind: 'unknown';
}

export type IrEnumValue = string | number | boolean;

/**
 * A closed set of values. `null` in the document's list is not a value here: it sets `nullable`.
 * `open` enums (the default) accept unlisted values in responses; `const` (and discriminator tags
 * added by the generator) are closed in both directions.
 */
export interface IrEnum extends IrBase {
  readonly kind: 'enum';
  readonly values: readonly IrEnumValue[];
  /** Base name of the generated `…Values` / `Known…` / `isKnown…` exports. */
  readonly name: string;
  /** False for `const`: a single fixed value, closed in responses too. */
  readonly open: boolean;
}

export interface IrArray extends IrBase {
  readonly kind: 'array';
  readonly items: IrSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface IrProperty {
  readonly name: string;
  readonly schema: IrSchema;
  readonly required: boolean;
  readonly readOnly: boolean;
  readonly writeOnly: boolean;
  readonly docs: IrDocs;
}

/**
 * An object. `additional`: `undefined` = not stated (loose in responses, strict in requests, unless
 * there are no `properties` at all, see `freeForm`); `true`; `false`; or a schema for extra values.
 */
export interface IrObject extends IrBase {
  readonly kind: 'object';
  readonly properties: readonly IrProperty[];
  readonly additional: IrSchema | boolean | undefined;
  /** `type: object` with neither `properties` nor `additionalProperties`: any JSON object. */
  readonly freeForm: boolean;
}

export interface IrDiscriminator {
  readonly propertyName: string;
  /** One entry per variant, same order: the tag values that select it. */
  readonly values: readonly (readonly string[])[];
  /** Base name for the `…Tags` / `isKnown…` exports. */
  readonly name: string;
}

export interface IrUnion extends IrBase {
  readonly kind: 'union';
  readonly variants: readonly IrSchema[];
  readonly discriminator?: IrDiscriminator;
}

/** An `allOf` that could not be merged into one object (e.g. of non-objects). */
export interface IrIntersection extends IrBase {
  readonly kind: 'intersection';
  readonly parts: readonly IrSchema[];
}

/** A reference to a component, emitted as its identifier. */
export interface IrRef extends IrBase {
  readonly kind: 'ref';
  readonly component: string;
}

export type IrSchema =
  | IrString
  | IrNumber
  | IrBoolean
  | IrNull
  | IrUnknown
  | IrEnum
  | IrArray
  | IrObject
  | IrUnion
  | IrIntersection
  | IrRef;

export interface IrComponent {
  /** Unique key, the component's name in its document (disambiguated for other files). */
  readonly key: string;
  readonly schema: IrSchema;
  /** True when a request body or parameter reaches it: it needs a strict (request) schema. */
  readonly inRequest: boolean;
  /**
   * True when it needs a loose (response) schema: a response reaches it, or no request does (an
   * unused component is described as data received), or such a component refers to it.
   */
  readonly inResponse: boolean;
  /** Keys of the components in the same reference cycle (empty when not recursive). */
  readonly cycle: readonly string[];
}

export type IrParamLocation = 'path' | 'query';

export interface IrParameter {
  readonly name: string;
  readonly in: IrParamLocation;
  readonly required: boolean;
  readonly schema: IrSchema;
  readonly docs: IrDocs;
}

export interface IrResponse {
  /** `200`, `2XX`, `default`… as written in the document. */
  readonly status: string;
  readonly description?: string;
  /** Schema of the JSON body; undefined when the response has none (or it is not JSON). */
  readonly schema?: IrSchema;
  /** Media types other than JSON, for documentation. */
  readonly otherMediaTypes: readonly string[];
}

export type IrMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | 'TRACE';

export interface IrOperation {
  readonly operationId: string;
  /** PascalCase base for the operation's schema exports (`GetUpload` → `GetUploadBody`). */
  readonly typeName: string;
  /** camelCase name of the operation descriptor export. */
  readonly exportName: string;
  readonly method: IrMethod;
  readonly path: string;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  /** The operation's tags, in document order. */
  readonly tags: readonly string[];
  /** `x-upkit-method` (`uploads.retrieve`): where the client puts the operation. */
  readonly clientMethod?: string;
  readonly pathParams: readonly IrParameter[];
  readonly queryParams: readonly IrParameter[];
  readonly body?: {
    readonly schema: IrSchema;
    readonly required: boolean;
    readonly description?: string;
  };
  /** Media types of a request body that is not JSON (the descriptor then has no body schema). */
  readonly otherBodyMediaTypes: readonly string[];
  readonly responses: readonly IrResponse[];
  /** The status whose JSON body is the operation's result (lowest 2xx), if any. */
  readonly successStatus?: string;
}

export interface IrDocument {
  /** Where each component came from (file URL and pointer), by key. */
  readonly componentSources: ReadonlyMap<
    string,
    { readonly file: string; readonly pointer: string }
  >;
  /** Base name of the input file, for the header. */
  readonly sourceName: string;
  readonly openapi: '3.0' | '3.1';
  /** In emission order: dependencies first, ties broken alphabetically. */
  readonly components: readonly IrComponent[];
  readonly operations: readonly IrOperation[];
}
