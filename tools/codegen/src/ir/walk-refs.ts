import type { IrSchema } from './ir.js';

/** Calls `visit` with the key of every component that `schema` references directly. */
export function forEachRef(schema: IrSchema, visit: (component: string) => void): void {
  switch (schema.kind) {
    case 'ref':
      visit(schema.component);
      return;
    case 'array':
      forEachRef(schema.items, visit);
      return;
    case 'object':
      for (const p of schema.properties) forEachRef(p.schema, visit);
      if (typeof schema.additional === 'object') forEachRef(schema.additional, visit);
      return;
    case 'union':
      for (const v of schema.variants) forEachRef(v, visit);
      return;
    case 'intersection':
      for (const p of schema.parts) forEachRef(p, visit);
      return;
    default:
      return;
  }
}

/**
 * Like forEachRef, but only what a request body can contain: readOnly properties are left out, so
 * a component reached only through them does not need a request schema.
 */
export function forEachRequestRef(schema: IrSchema, visit: (component: string) => void): void {
  if (schema.kind === 'object') {
    for (const p of schema.properties) if (!p.readOnly) forEachRequestRef(p.schema, visit);
    if (typeof schema.additional === 'object') forEachRequestRef(schema.additional, visit);
    return;
  }
  if (schema.kind === 'ref') {
    visit(schema.component);
    return;
  }
  if (schema.kind === 'array') return forEachRequestRef(schema.items, visit);
  if (schema.kind === 'union') for (const v of schema.variants) forEachRequestRef(v, visit);
  if (schema.kind === 'intersection') for (const p of schema.parts) forEachRequestRef(p, visit);
}
