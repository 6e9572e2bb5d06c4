/** The example response of a seed document (the vendor fixtures of `@upkit/test-utils`). */
export { seedExample } from '@upkit/test-utils';

/** Properties whose values are maps: their keys are data, not part of the shape. */
const MAPS = new Set(['labels', 'config']);

/** Every property path of a JSON value (array items collapse to `[]`, map keys to `{}`). */
export function propertyPaths(value: unknown, prefix = '$'): Set<string> {
  const out = new Set<string>();
  if (Array.isArray(value)) {
    for (const item of value) for (const p of propertyPaths(item, `${prefix}[]`)) out.add(p);
  } else if (typeof value === 'object' && value !== null) {
    const isMap = MAPS.has(prefix.slice(prefix.lastIndexOf('.') + 1));
    for (const [key, item] of Object.entries(value)) {
      const path = isMap ? `${prefix}{}` : `${prefix}.${key}`;
      out.add(path);
      for (const p of propertyPaths(item, path)) out.add(p);
    }
  }
  return out;
}
