import type { IrDiscriminator, IrDocument, IrEnum, IrSchema } from './ir.js';

/**
 * Every open enum and every discriminator of the document, each once, sorted by name: the contents
 * of enums.ts.
 */
export function collectNamed(ir: IrDocument): {
  enums: IrEnum[];
  discriminators: IrDiscriminator[];
} {
  const enums = new Map<string, IrEnum>();
  const discriminators = new Map<string, IrDiscriminator>();
  const seen = new Set<IrSchema>();
  const walk = (s: IrSchema): void => {
    if (seen.has(s)) return;
    seen.add(s);
    switch (s.kind) {
      case 'enum':
        if (s.open) enums.set(s.name, s);
        return;
      case 'array':
        return walk(s.items);
      case 'object':
        s.properties.forEach((p) => walk(p.schema));
        if (typeof s.additional === 'object') walk(s.additional);
        return;
      case 'union':
        if (s.discriminator) discriminators.set(s.discriminator.name, s.discriminator);
        s.variants.forEach(walk);
        return;
      case 'intersection':
        s.parts.forEach(walk);
        return;
      default:
        return;
    }
  };
  ir.components.forEach((c) => walk(c.schema));
  for (const op of ir.operations) {
    [...op.pathParams, ...op.queryParams].forEach((p) => walk(p.schema));
    if (op.body) walk(op.body.schema);
    op.responses.forEach((r) => r.schema && walk(r.schema));
  }
  const byName = <T>(m: Map<string, T>) =>
    [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  return { enums: byName(enums), discriminators: byName(discriminators) };
}
