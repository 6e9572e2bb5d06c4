import type { IrDocs } from '../ir/ir.js';

/**
 * A `/** … *\/` block from documentation lines, or '' when there is nothing to say. `*\/` inside
 * descriptions is broken up so user text cannot end the comment early.
 */
export function tsdoc(lines: readonly (string | undefined | false)[]): string {
  const text = lines
    .filter((l): l is string => typeof l === 'string')
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.length > 0)
    .join('\n\n')
    .replace(/\*\//g, '*\\/')
    .replace(/\r\n?/g, '\n');
  if (text.trim() === '') return '';
  const body = text
    .split('\n')
    // The description of protobuf-generated specs indents continuation lines by one space.
    .map((line) => ` * ${line.trimEnd()}`.trimEnd())
    .join('\n');
  return `/**\n${body}\n */\n`;
}

/** TSDoc lines for schema documentation (title, description, deprecation, extra notes). */
export function docLines(
  docs: IrDocs,
  extra: readonly (string | undefined | false)[] = [],
): (string | undefined | false)[] {
  const lines: (string | undefined | false)[] = [];
  if (docs.title !== undefined && docs.title !== docs.description) lines.push(docs.title);
  lines.push(docs.description, ...extra);
  if (docs.deprecated) lines.push('@deprecated');
  return lines;
}
