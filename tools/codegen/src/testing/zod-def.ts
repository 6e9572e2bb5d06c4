/**
 * Read-only access to a zod schema's definition, the same for classic and mini (both sit on
 * zod's core), so tests can look inside generated schemas without depending on the flavour.
 */
export interface AnySchema {
  _zod: { def: Record<string, unknown> & { type: string } };
  safeParse(value: unknown): { success: boolean; data?: unknown; error?: unknown };
  parse(value: unknown): unknown;
}

/** The property schemas of an object schema (through optional/nullable/lazy wrappers). */
export function shapeOf(schema: AnySchema): Record<string, AnySchema> {
  const inner = unwrap(schema);
  if (inner._zod.def.type !== 'object') throw new Error(`Not an object: ${inner._zod.def.type}`);
  return inner._zod.def.shape as Record<string, AnySchema>;
}

/** Removes optional/nullable/default/lazy wrappers. */
export function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current._zod.def;
    if (['optional', 'nullable', 'default', 'prefault', 'readonly'].includes(def.type)) {
      current = def.innerType as AnySchema;
    } else if (def.type === 'lazy') {
      current = (def.getter as () => AnySchema)();
    } else {
      return current;
    }
  }
}

/**
 * Finds the schema of a property by name inside objects, intersections and unions, or undefined.
 */
export function findProperty(schema: AnySchema, name: string): AnySchema | undefined {
  const inner = unwrap(schema);
  const def = inner._zod.def;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, AnySchema>;
      if (Object.prototype.hasOwnProperty.call(shape, name)) return shape[name];
      // A strict object's catchall is z.never(): no property of that name exists.
      const catchall = def.catchall as AnySchema | undefined;
      return catchall?._zod.def.type === 'never' ? undefined : catchall;
    }
    case 'record':
      return def.valueType as AnySchema;
    case 'intersection':
      return (
        findProperty(def.left as AnySchema, name) ?? findProperty(def.right as AnySchema, name)
      );
    case 'union':
      for (const option of def.options as AnySchema[]) {
        const found = findProperty(option, name);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** The element schema of an array schema. */
export function elementOf(schema: AnySchema): AnySchema {
  const inner = unwrap(schema);
  if (inner._zod.def.type !== 'array') throw new Error(`Not an array: ${inner._zod.def.type}`);
  return inner._zod.def.element as AnySchema;
}
