import { CodegenError } from '../errors/codegen-error.js';
import type { IrDocument } from '../ir/ir.js';
import type { DocumentSet } from '../load/document-set.js';
import { displayLocation, isRefObject, locationKey } from '../load/document-set.js';
import { formatPointer, parsePointer } from '../load/json-pointer.js';

type Json = Record<string, unknown>;

/**
 * One self-contained document for openapi-typescript, whose own resolver mishandles escaped
 * pointers (`~1`) and references into `paths`. Every component (including those of other files)
 * is placed under `components.schemas`, references to them become `#/components/schemas/<name>`,
 * and references to any other schema location are inlined.
 */
export function bundleForTypes(docs: DocumentSet, ir: IrDocument): Json {
  const root = docs.root;
  const nameByLocation = new Map<string, string>();
  const rootSchemas = new Set(
    Object.keys(((root.value as Json).components as Json | undefined)?.schemas ?? {}),
  );
  for (const [key, location] of ir.componentSources) {
    const segments = parsePointer(location.pointer);
    const isRootComponent =
      location.file === docs.rootFile &&
      segments.length === 3 &&
      segments[0] === 'components' &&
      segments[1] === 'schemas' &&
      rootSchemas.has(segments[2]!);
    // Root components keep their names, so types.ts matches the document.
    nameByLocation.set(locationKey(location), isRootComponent ? segments[2]! : key);
  }

  const inlining: string[] = [];
  const rewrite = (value: unknown, file: string): unknown => {
    if (Array.isArray(value)) return value.map((item) => rewrite(item, file));
    if (value === null || typeof value !== 'object') return value;
    if (isRefObject(value)) {
      const target = docs.refTarget(value.$ref, file);
      const siblings: Json = {};
      for (const [k, v] of Object.entries(value)) if (k !== '$ref') siblings[k] = rewrite(v, file);
      const name = nameByLocation.get(locationKey(target));
      if (name !== undefined)
        return { ...siblings, $ref: `#${formatPointer(['components', 'schemas', name])}` };
      if (target.file === docs.rootFile && target.pointer.startsWith('/components/')) {
        return { ...siblings, $ref: `#${target.pointer}` };
      }
      const key = locationKey(target);
      if (inlining.includes(key)) {
        throw new CodegenError(
          'Recursive reference to a location that is not a component',
          displayLocation(target),
        );
      }
      inlining.push(key);
      const inlined = rewrite(docs.at(target.file, target.pointer).value, target.file);
      inlining.pop();
      return typeof inlined === 'object' && inlined !== null && !Array.isArray(inlined)
        ? { ...(inlined as Json), ...siblings }
        : inlined;
    }
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) out[k] = rewrite(v, file);
    return out;
  };

  const bundled = rewrite(root.value, docs.rootFile) as Json;
  const components = { ...((bundled.components as Json | undefined) ?? {}) };
  const schemas = { ...((components.schemas as Json | undefined) ?? {}) };
  for (const [, location] of ir.componentSources) {
    const name = nameByLocation.get(locationKey(location))!;
    if (!(name in schemas))
      schemas[name] = rewrite(docs.at(location.file, location.pointer).value, location.file);
  }
  components.schemas = schemas;
  bundled.components = components;
  return bundled;
}
