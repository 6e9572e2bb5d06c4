import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The example response of a seed document (`../shared/seeds` beside the repository). */
export function seedExample(
  file: '000_5ac253ee411d2577.txt' | '004_50a56e3cd57dc7e8.txt',
): unknown {
  const path = fileURLToPath(new URL(`../../../../../shared/seeds/${file}`, import.meta.url));
  const text = readFileSync(path, 'utf8');
  const match = /#### Response\s*```json\s*([\s\S]*?)```/.exec(text);
  if (!match) throw new Error(`${file}: no example response`);
  return JSON.parse(match[1]!);
}

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
