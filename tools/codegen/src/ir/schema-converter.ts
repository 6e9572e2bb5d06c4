import { CodegenError } from '../errors/codegen-error.js';
import type { DocumentSet, Located } from '../load/document-set.js';
import { displayLocation, isRefObject, locationKey } from '../load/document-set.js';
import { parsePointer } from '../load/json-pointer.js';
import { componentIdentifier, pascalCase } from '../naming/identifiers.js';
import type {
  IrDiscriminator,
  IrDocs,
  IrEnumValue,
  IrObject,
  IrProperty,
  IrSchema,
  IrStringFormat,
} from './ir.js';

type Json = Record<string, unknown>;

const STRING_FORMATS: ReadonlySet<string> = new Set<IrStringFormat>([
  'date-time',
  'date',
  'time',
  'duration',
  'uuid',
  'email',
  'uri',
  'hostname',
  'ipv4',
  'ipv6',
  'byte',
  'int64',
  'uint64',
]);

/** Keywords that make a schema an object schema even without `type: object`. */
const OBJECT_KEYWORDS = ['properties', 'additionalProperties', 'required'] as const;

interface ComponentEntry {
  readonly key: string;
  readonly location: Located;
  schema?: IrSchema;
}

/**
 * Converts JSON Schema nodes (OpenAPI 3.0 and 3.1 dialects) into IR, following `$ref`s across files.
 * Each location is converted once (memoised), so a schema reached through several paths yields the
 * same IR node and the same generated names.
 */
export class SchemaConverter {
  private readonly components = new Map<string, ComponentEntry>();
  private readonly componentByLocation = new Map<string, string>();
  private readonly memo = new Map<string, IrSchema>();
  private readonly converting = new Set<string>();
  /** Names given to enums and discriminated unions (they become exports of enums.ts). */
  private readonly namedNodes = new Set<string>();
  /** Component keys: inline enums and unions avoid them so each name means one thing. */
  private readonly reservedNames = new Set<string>();

  constructor(private readonly docs: DocumentSet) {}

  /** Registers the components of the root document, sorted by name, so they keep their names. */
  registerRootComponents(): void {
    const schemas = this.docs.child(this.docs.root, 'components', 'schemas');
    if (schemas.value === undefined) return;
    if (typeof schemas.value !== 'object' || schemas.value === null) {
      throw new CodegenError('components.schemas must be an object', displayLocation(schemas));
    }
    for (const name of Object.keys(schemas.value).sort()) {
      this.register(this.docs.child(schemas, name), name);
    }
  }

  /** Converts every registered component (including ones discovered while converting). */
  convertAllComponents(): void {
    for (;;) {
      const pending = [...this.components.values()].filter((c) => c.schema === undefined);
      if (pending.length === 0) return;
      for (const entry of pending) entry.schema = this.convertComponentBody(entry);
    }
  }

  /** All components in registration order with their IR. */
  componentSchemas(): Map<string, IrSchema> {
    this.convertAllComponents();
    const out = new Map<string, IrSchema>();
    for (const [key, entry] of this.components) out.set(key, entry.schema!);
    return out;
  }

  /** Where each component was found, by key (root components first, by name). */
  componentLocations(): Map<string, Located> {
    return new Map([...this.components].map(([key, entry]) => [key, entry.location]));
  }

  /** Converts a schema node; `hint` is the PascalCase base for names of inline enums/unions. */
  convert(node: Located, hint: string): IrSchema {
    const value = node.value;
    if (value === true || value === undefined) return unknownSchema({});
    if (value === false) {
      throw new CodegenError('The `false` schema is not supported here', displayLocation(node));
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new CodegenError('A schema must be an object', displayLocation(node));
    }
    if (isRefObject(value)) return this.convertRef(node as Located<Json & { $ref: string }>, hint);

    const key = locationKey(node);
    const existing = this.memo.get(key);
    if (existing) return existing;
    if (this.converting.has(key)) {
      // A cycle through an inline (non-component) location: promote it to a component so the
      // emitters can refer to it lazily by name.
      const componentKey = this.register(node, hint);
      return refSchema(componentKey, {});
    }
    this.converting.add(key);
    try {
      let result = this.convertSchemaObject(node as Located<Json>, hint);
      const promoted = this.componentByLocation.get(key);
      if (promoted !== undefined) {
        const entry = this.components.get(promoted)!;
        entry.schema ??= result;
        result = refSchema(promoted, {});
      }
      this.memo.set(key, result);
      return result;
    } finally {
      this.converting.delete(key);
    }
  }

  private convertComponentBody(entry: ComponentEntry): IrSchema {
    const key = locationKey(entry.location);
    const memoised = this.memo.get(key);
    if (memoised && !(memoised.kind === 'ref' && memoised.component === entry.key)) return memoised;
    if (isRefObject(entry.location.value)) {
      // A component that is only an alias of another: keep the reference.
      return this.convertRef(entry.location as Located<Json & { $ref: string }>, entry.key);
    }
    this.converting.add(key);
    try {
      const schema = this.convertSchemaObject(entry.location as Located<Json>, entry.key);
      this.memo.set(key, schema);
      return schema;
    } finally {
      this.converting.delete(key);
    }
  }

  /** The component key for a location, registering components of other files on first use. */
  private componentKeyFor(target: Located): string | undefined {
    const known = this.componentByLocation.get(locationKey(target));
    if (known !== undefined) return known;
    const segments = parsePointer(target.pointer);
    const isNamedSchema =
      (segments.length === 3 && segments[0] === 'components' && segments[1] === 'schemas') ||
      (segments.length === 2 && (segments[0] === '$defs' || segments[0] === 'definitions'));
    if (isNamedSchema) return this.register(target, segments[segments.length - 1]!);
    if (segments.length === 0 && target.file !== this.docs.rootFile) {
      // A whole file used as a schema: named after the file.
      const base = target.file.slice(target.file.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
      return this.register(target, pascalCase(base));
    }
    return undefined;
  }

  private register(location: Located, name: string): string {
    const existing = this.componentByLocation.get(locationKey(location));
    if (existing !== undefined) return existing;
    const base = componentIdentifier(name);
    let key = base;
    for (let n = 2; this.components.has(key); n++) key = `${base}${n}`;
    this.components.set(key, { key, location });
    this.componentByLocation.set(locationKey(location), key);
    this.reservedNames.add(key);
    return key;
  }

  private convertRef(node: Located<Json & { $ref: string }>, hint: string): IrSchema {
    const targetRef = this.docs.refTarget(node.value.$ref, node.file);
    const target = this.docs.at(targetRef.file, targetRef.pointer);
    const meta = siblingMeta(node.value);
    const componentKey = this.componentKeyFor(target);
    if (componentKey !== undefined) return refSchema(componentKey, meta);
    const inner = this.convert(target, hint);
    return withMeta(inner, meta);
  }

  private convertSchemaObject(node: Located<Json>, hint: string): IrSchema {
    const s = node.value;
    const docs = docsOf(s);
    const defaultValue = 'default' in s ? { value: s.default } : undefined;
    const typeList = typesOf(s);
    let nullable = s.nullable === true || typeList.includes('null');
    const types = typeList.filter((t) => t !== 'null');
    const base = { docs, ...(defaultValue ? { default: defaultValue } : {}) };

    if (Array.isArray(s.allOf)) return this.convertAllOf(node, hint, nullable, base);

    const unionKey = Array.isArray(s.oneOf) ? 'oneOf' : Array.isArray(s.anyOf) ? 'anyOf' : null;
    if (unionKey !== null) {
      const union = this.convertUnion(node, unionKey, hint, nullable, base);
      if (!hasObjectKeywords(s)) return union;
      // Shared properties next to oneOf: both must hold.
      const own = this.convertObject(node, hint, false, { docs: {} });
      return { kind: 'intersection', parts: [own, union], nullable: union.nullable, docs };
    }

    if ('const' in s) {
      if (s.const === null) return { kind: 'null', nullable: false, ...base };
      return {
        kind: 'enum',
        values: [enumValue(s.const, node)],
        name: this.nameNode(hint, node),
        open: false,
        nullable,
        ...base,
      };
    }

    if (Array.isArray(s.enum)) {
      const values = s.enum.filter((v) => v !== null).map((v) => enumValue(v, node));
      if (values.length < s.enum.length) nullable = true;
      if (values.length === 0) return { kind: 'null', nullable: false, ...base };
      return {
        kind: 'enum',
        values,
        name: this.nameNode(hint, node),
        open: true,
        nullable,
        ...base,
      };
    }

    if (types.length > 1) {
      const variants = types.map((t) => this.convertTyped(node, t, hint, false, { docs: {} }));
      return { kind: 'union', variants, nullable, ...base };
    }
    const type = types[0] ?? inferType(s, typeList);
    if (type === undefined) return { kind: 'unknown', nullable: false, ...base };
    if (type === 'null') return { kind: 'null', nullable: false, ...base };
    return this.convertTyped(node, type, hint, nullable, base);
  }

  private convertTyped(
    node: Located<Json>,
    type: string,
    hint: string,
    nullable: boolean,
    base: Pick<IrSchema, 'docs' | 'default'>,
  ): IrSchema {
    const s = node.value;
    switch (type) {
      case 'string': {
        const format = typeof s.format === 'string' ? s.format : undefined;
        return {
          kind: 'string',
          nullable,
          ...base,
          ...(format !== undefined && STRING_FORMATS.has(format)
            ? { format: format as IrStringFormat }
            : {}),
          ...numberField(s, 'minLength'),
          ...numberField(s, 'maxLength'),
          ...(typeof s.pattern === 'string' ? { pattern: s.pattern } : {}),
        };
      }
      case 'integer':
      case 'number': {
        const format = s.format;
        const integer =
          type === 'number'
            ? false
            : format === 'int32'
              ? 'int32'
              : format === 'uint32'
                ? 'uint32'
                : format === 'int64' || format === 'uint64'
                  ? 'int64'
                  : 'int';
        // 3.0 uses boolean exclusiveMinimum/Maximum next to minimum/maximum; 3.1 uses numbers.
        const exclusiveMinimum =
          s.exclusiveMinimum === true ? s.minimum : (s.exclusiveMinimum as unknown);
        const exclusiveMaximum =
          s.exclusiveMaximum === true ? s.maximum : (s.exclusiveMaximum as unknown);
        return {
          kind: 'number',
          integer,
          nullable,
          ...base,
          ...(typeof exclusiveMinimum === 'number'
            ? { exclusiveMinimum }
            : numberField(s, 'minimum')),
          ...(typeof exclusiveMaximum === 'number'
            ? { exclusiveMaximum }
            : numberField(s, 'maximum')),
          ...numberField(s, 'multipleOf'),
        };
      }
      case 'boolean':
        return { kind: 'boolean', nullable, ...base };
      case 'array': {
        const items = this.docs.child(node, 'items');
        return {
          kind: 'array',
          items: this.convert(items, `${hint}Item`),
          nullable,
          ...base,
          ...numberField(s, 'minItems'),
          ...numberField(s, 'maxItems'),
        };
      }
      case 'object':
        return this.convertObject(node, hint, nullable, base);
      default:
        throw new CodegenError(`Unknown type "${type}"`, displayLocation(node));
    }
  }

  private convertObject(
    node: Located<Json>,
    hint: string,
    nullable: boolean,
    base: Pick<IrSchema, 'docs' | 'default'>,
  ): IrObject {
    const s = node.value;
    const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
    const properties: IrProperty[] = [];
    const props = s.properties;
    if (props !== undefined && (typeof props !== 'object' || props === null)) {
      throw new CodegenError('properties must be an object', displayLocation(node));
    }
    for (const name of Object.keys((props as Json | undefined) ?? {})) {
      const propNode = this.docs.child(node, 'properties', name);
      properties.push(this.convertProperty(propNode, name, required.has(name), hint));
    }
    const additionalRaw = s.additionalProperties;
    let additional: IrSchema | boolean | undefined;
    if (additionalRaw === true || additionalRaw === false) additional = additionalRaw;
    else if (additionalRaw !== undefined && typeof additionalRaw === 'object') {
      const child = this.docs.child(node, 'additionalProperties');
      const schema = this.convert(child, `${hint}Value`);
      // `additionalProperties: {}` means "anything", same as `true`.
      additional = schema.kind === 'unknown' && !schema.nullable ? true : schema;
    }
    return {
      kind: 'object',
      properties,
      additional,
      freeForm: props === undefined && additional === undefined,
      nullable,
      ...base,
    };
  }

  private convertProperty(
    propNode: Located,
    name: string,
    required: boolean,
    ownerHint: string,
  ): IrProperty {
    const schema = this.convert(propNode, `${ownerHint}${pascalCase(name)}`);
    const raw = (propNode.value ?? {}) as Json;
    // readOnly/writeOnly may sit on the property, on an allOf wrapper, or on the referenced schema.
    const target = this.docs.deref(propNode).value as Json | boolean;
    const targetFlags = typeof target === 'object' ? target : {};
    return {
      name,
      schema,
      required,
      readOnly: raw.readOnly === true || targetFlags.readOnly === true,
      writeOnly: raw.writeOnly === true || targetFlags.writeOnly === true,
      docs: schema.docs,
    };
  }

  private convertAllOf(
    node: Located<Json>,
    hint: string,
    nullable: boolean,
    base: Pick<IrSchema, 'docs' | 'default'>,
  ): IrSchema {
    const s = node.value;
    const parts = (s.allOf as unknown[]).map((_, i) => this.docs.child(node, 'allOf', String(i)));
    const ownIsObject = hasObjectKeywords(s) || s.type === 'object';
    const meta = { ...base, nullable };

    // The common `allOf: [{$ref}]` wrapper (used to attach a description or readOnly to a ref).
    if (parts.length === 1 && !ownIsObject && s.oneOf === undefined && s.anyOf === undefined) {
      const inner = this.convert(parts[0]!, hint);
      return withMeta(inner, {
        ...(base.docs.description !== undefined || base.docs.deprecated ? { docs: base.docs } : {}),
        ...(base.default ? { default: base.default } : {}),
        nullable: nullable || inner.nullable,
      });
    }

    const own = ownIsObject ? [{ ...node, value: withoutKeys(s, ['allOf']) } as Located] : [];
    const all = [...parts, ...own];
    const merged = this.mergeObjects(all, hint, new Set());
    if (merged !== undefined) {
      const everyPartNullable = all.every((p) => isNullableRaw(this.docs.deref(p).value));
      return { ...merged, ...meta, nullable: nullable || everyPartNullable };
    }
    return {
      kind: 'intersection',
      parts: all.map((p, i) => this.convert(p, i < parts.length ? `${hint}Part${i}` : hint)),
      ...meta,
    };
  }

  /**
   * Merges object schemas (inline or referenced, themselves possibly allOf) into one object, so
   * that strict request schemas accept the union of their properties. Later parts override earlier
   * definitions of the same property (the usual way to narrow a discriminator). Returns undefined
   * when some part is not an object schema.
   */
  private mergeObjects(
    parts: readonly Located[],
    hint: string,
    visiting: Set<string>,
  ): IrObject | undefined {
    const byName = new Map<string, IrProperty>();
    const required = new Set<string>();
    let additional: IrSchema | boolean | undefined;
    let sawProperties = false;
    for (const part of parts) {
      const resolved = this.docs.deref(part);
      const value = resolved.value;
      if (typeof value !== 'object' || value === null) return undefined;
      const s = value as Json;
      if (s.oneOf !== undefined || s.anyOf !== undefined || s.enum !== undefined) return undefined;
      const types = typesOf(s).filter((t) => t !== 'null');
      if (types.some((t) => t !== 'object')) return undefined;
      const key = locationKey(resolved);
      if (visiting.has(key)) {
        throw new CodegenError('allOf includes itself', displayLocation(resolved));
      }
      // Properties of a referenced component keep that component's naming context.
      const ownerKey = resolved.via.length > 0 ? this.componentKeyFor(resolved) : undefined;
      const ownerHint = ownerKey ?? hint;
      if (Array.isArray(s.allOf)) {
        const nested = (s.allOf as unknown[]).map((_, i) =>
          this.docs.child(resolved, 'allOf', String(i)),
        );
        const own = hasObjectKeywords(s) ? [{ ...resolved, value: withoutKeys(s, ['allOf']) }] : [];
        const inner = this.mergeObjects(
          [...nested, ...own],
          ownerHint,
          new Set([...visiting, key]),
        );
        if (inner === undefined) return undefined;
        sawProperties ||= inner.properties.length > 0 || !inner.freeForm;
        for (const p of inner.properties) {
          byName.delete(p.name);
          byName.set(p.name, p);
          if (p.required) required.add(p.name);
        }
        if (inner.additional !== undefined) additional = inner.additional;
        continue;
      }
      if (!hasObjectKeywords(s) && types.length === 0) {
        // Only annotations (description, nullable…): contributes nothing to the shape.
        continue;
      }
      const object = this.convertObject(resolved as Located<Json>, ownerHint, false, { docs: {} });
      sawProperties ||= !object.freeForm;
      for (const p of object.properties) {
        byName.delete(p.name);
        byName.set(p.name, p);
        if (p.required) required.add(p.name);
      }
      if (object.additional !== undefined) additional = object.additional;
    }
    const properties = [...byName.values()].map((p) =>
      required.has(p.name) && !p.required ? { ...p, required: true } : p,
    );
    return {
      kind: 'object',
      properties,
      additional,
      freeForm: !sawProperties && additional === undefined,
      nullable: false,
      docs: {},
    };
  }

  private convertUnion(
    node: Located<Json>,
    key: 'oneOf' | 'anyOf',
    hint: string,
    nullable: boolean,
    base: Pick<IrSchema, 'docs' | 'default'>,
  ): IrSchema {
    const s = node.value;
    const raw = s[key] as unknown[];
    const variantNodes = raw.map((_, i) => this.docs.child(node, key, String(i)));
    const kept: Located[] = [];
    for (const v of variantNodes) {
      const target = this.docs.deref(v).value as Json;
      const types = typesOf(target);
      const isNull =
        (types.length === 1 && types[0] === 'null') ||
        ('const' in target && target.const === null) ||
        (Array.isArray(target.enum) && target.enum.length === 1 && target.enum[0] === null);
      if (isNull) nullable = true;
      else kept.push(v);
    }
    const variants = kept.map((v, i) =>
      this.convert(v, isRefObject(v.value) ? `${hint}Variant${i}` : `${hint}${variantName(v, i)}`),
    );
    if (variants.length === 1 && s.discriminator === undefined) {
      const only = variants[0]!;
      return withMeta(only, { docs: base.docs, nullable: nullable || only.nullable });
    }
    const discriminator = this.discriminatorFor(node, kept, hint);
    return {
      kind: 'union',
      variants,
      nullable,
      ...base,
      ...(discriminator ? { discriminator } : {}),
    };
  }

  private discriminatorFor(
    node: Located<Json>,
    variants: readonly Located[],
    hint: string,
  ): IrDiscriminator | undefined {
    const d = node.value.discriminator as
      { propertyName?: unknown; mapping?: Record<string, unknown> } | undefined;
    if (d === undefined || typeof d.propertyName !== 'string') return undefined;
    const propertyName = d.propertyName;
    const mapping = Object.entries(d.mapping ?? {}).map(([value, ref]) => {
      const refText = String(ref);
      // A mapping value is a $ref or a bare component name.
      const target = /[#/.]/.test(refText)
        ? this.docs.refTarget(refText, node.file)
        : { file: this.docs.rootFile, pointer: `/components/schemas/${refText}` };
      return { value, key: locationKey(target) };
    });
    const values: string[][] = [];
    for (const variant of variants) {
      const resolved = this.docs.deref(variant);
      const key = locationKey(resolved);
      const mapped = mapping.filter((m) => m.key === key).map((m) => m.value);
      if (mapped.length > 0) {
        values.push(mapped);
        continue;
      }
      const tag = this.literalTagOf(resolved, propertyName, new Set());
      if (tag !== undefined) {
        values.push(tag);
        continue;
      }
      if (resolved.via.length > 0 && mapping.length === 0) {
        // Implicit mapping: the tag is the component's name.
        const segments = parsePointer(resolved.pointer);
        values.push([segments[segments.length - 1]!]);
        continue;
      }
      return undefined;
    }
    return { propertyName, values, name: this.nameNode(hint, node) };
  }

  /** The enum/const values a variant itself declares for the tag property, if any. */
  private literalTagOf(node: Located, property: string, seen: Set<string>): string[] | undefined {
    const resolved = this.docs.deref(node);
    const key = locationKey(resolved);
    if (seen.has(key)) return undefined;
    seen.add(key);
    const s = resolved.value as Json;
    const prop = this.docs.child(resolved, 'properties', property);
    if (prop.value !== undefined) {
      const p = this.docs.deref(prop).value as Json;
      if ('const' in p && typeof p.const === 'string') return [p.const];
      if (Array.isArray(p.enum) && p.enum.every((v) => typeof v === 'string')) {
        return p.enum as string[];
      }
    }
    if (Array.isArray(s.allOf)) {
      for (let i = (s.allOf as unknown[]).length - 1; i >= 0; i--) {
        const found = this.literalTagOf(
          this.docs.child(resolved, 'allOf', String(i)),
          property,
          seen,
        );
        if (found) return found;
      }
    }
    return undefined;
  }

  /**
   * The name of an enum or discriminated union: the component's own name when it is a component,
   * otherwise its path-derived hint (made unique; component names are never taken).
   */
  private nameNode(hint: string, node: Located): string {
    const own = this.componentByLocation.get(locationKey(node));
    if (own !== undefined) return own;
    let name = hint;
    for (let n = 2; this.namedNodes.has(name) || this.reservedNames.has(name); n++) {
      name = `${hint}${n}`;
    }
    this.namedNodes.add(name);
    return name;
  }
}

function refSchema(
  component: string,
  meta: Partial<Pick<IrSchema, 'docs' | 'nullable' | 'default'>>,
): IrSchema {
  return {
    kind: 'ref',
    component,
    nullable: meta.nullable ?? false,
    docs: meta.docs ?? {},
    ...(meta.default ? { default: meta.default } : {}),
  };
}

function unknownSchema(docs: IrDocs): IrSchema {
  return { kind: 'unknown', nullable: false, docs };
}

/** Applies keywords found next to a `$ref` (3.1 allows them; 3.0 users write them anyway). */
function siblingMeta(s: Json): Partial<Pick<IrSchema, 'docs' | 'nullable' | 'default'>> {
  const docs = docsOf(s);
  const types = typesOf(s);
  return {
    ...(Object.keys(docs).length > 0 ? { docs } : {}),
    ...(s.nullable === true || types.includes('null') ? { nullable: true } : {}),
    ...('default' in s ? { default: { value: s.default } } : {}),
  };
}

function withMeta(
  schema: IrSchema,
  meta: Partial<Pick<IrSchema, 'docs' | 'nullable' | 'default'>>,
): IrSchema {
  return {
    ...schema,
    ...(meta.docs ? { docs: { ...schema.docs, ...meta.docs } } : {}),
    ...(meta.default ? { default: meta.default } : {}),
    nullable: schema.nullable || meta.nullable === true,
  };
}

function docsOf(s: Json): IrDocs {
  return {
    ...(typeof s.title === 'string' ? { title: s.title } : {}),
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    ...(s.deprecated === true ? { deprecated: true } : {}),
    ...(typeof s.format === 'string' ? { format: s.format } : {}),
  };
}

function typesOf(s: Json): string[] {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type.filter((t): t is string => typeof t === 'string');
  return [];
}

function inferType(s: Json, typeList: readonly string[]): string | undefined {
  if (typeList.length === 1 && typeList[0] === 'null') return 'null';
  if (hasObjectKeywords(s)) return 'object';
  if (s.items !== undefined) return 'array';
  return undefined;
}

function hasObjectKeywords(s: Json): boolean {
  return OBJECT_KEYWORDS.some((k) => s[k] !== undefined);
}

function isNullableRaw(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Json;
  return s.nullable === true || typesOf(s).includes('null');
}

function withoutKeys(s: Json, keys: readonly string[]): Json {
  const copy: Json = {};
  for (const [k, v] of Object.entries(s)) if (!keys.includes(k)) copy[k] = v;
  return copy;
}

function numberField<K extends string>(s: Json, key: K): { [P in K]?: number } {
  const value = s[key];
  return (typeof value === 'number' ? { [key]: value } : {}) as { [P in K]?: number };
}

function enumValue(value: unknown, node: Located): IrEnumValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  throw new CodegenError('Enum values must be strings, numbers or booleans', displayLocation(node));
}

/** A readable name for an inline union variant: its title, or its position. */
function variantName(variant: Located, index: number): string {
  const title = (variant.value as Json | undefined)?.title;
  return typeof title === 'string' ? pascalCase(title) : `Variant${index}`;
}
