import { collectNamed } from '../ir/collect-named.js';
import type { IrDocument } from '../ir/ir.js';
import { jsonLiteral } from '../naming/identifiers.js';
import type { Naming } from '../naming/naming.js';
import { docLines, tsdoc } from './tsdoc.js';

/**
 * enums.ts: for every enum, its known values, the `Known…` type and an `isKnown…` guard; for every
 * discriminated union, its known tags and guard. No zod import, so UIs can list values without
 * pulling in a schema library.
 *
 * Responses accept values the document does not list (the API may add some later): the schema's
 * type is `Known… | (string & {})`, which keeps editor completion for the known values, and the
 * guard narrows to them.
 */
export function emitEnums(ir: IrDocument, naming: Naming): string {
  const { enums, discriminators } = collectNamed(ir);
  const out: string[] = [
    `declare const unknownTag: unique symbol;`,
    tsdoc([
      'The tag of a variant this version of the generated code does not know. At run time it is the string the server sent (read it with `String(x.tag)`); it is typed opaquely so that `switch (x.tag)` still narrows exactly to the known variants.',
    ]) + `export type UnknownTag = { readonly [unknownTag]: true };`,
    tsdoc([
      'A response variant added to the API after this code was generated: its tag is unknown, its other properties are kept as they came.',
    ]) +
      `export type UnknownVariant<K extends string> = { readonly [P in K]: UnknownTag } & { readonly [key: string]: unknown };`,
  ];
  for (const e of enums) {
    const values = naming.enumValues(e.name);
    const known = naming.known(e.name);
    out.push(
      tsdoc(docLines({ ...e.docs, deprecated: false }, [`Known values of \`${e.name}\`.`])) +
        `export const ${values} = [${e.values.map(jsonLiteral).join(', ')}] as const;\n` +
        tsdoc([`A value of \`${e.name}\` known when this code was generated.`]) +
        `export type ${known} = (typeof ${values})[number];\n` +
        tsdoc([
          `True when \`value\` is a known \`${e.name}\`. Responses may carry values added to the API later; they parse, and this guard is false for them.`,
        ]) +
        `export function ${naming.guard(e.name)}(value: unknown): value is ${known} {\n` +
        `  return (${values} as readonly unknown[]).includes(value);\n}`,
    );
  }
  for (const d of discriminators) {
    const tags = naming.unionTags(d.name);
    const key = jsonLiteral(d.propertyName);
    out.push(
      tsdoc([`Known \`${d.propertyName}\` tags of the \`${d.name}\` union.`]) +
        `export const ${tags} = [${[...new Set(d.values.flat())].map(jsonLiteral).join(', ')}] as const;\n` +
        tsdoc([
          `True when \`value\` is a variant of \`${d.name}\` known when this code was generated (false for an {@link UnknownVariant}).`,
        ]) +
        `export function ${naming.guard(d.name)}<T extends object>(value: T): value is Exclude<T, UnknownVariant<${key}>> {\n` +
        `  return (${tags} as readonly unknown[]).includes((value as Record<string, unknown>)[${key}]);\n}`,
    );
  }
  return out.join('\n\n') + '\n';
}
