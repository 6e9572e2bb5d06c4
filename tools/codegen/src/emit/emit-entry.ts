import ts from 'typescript';

/** One generated module whose exports an entry file re-exports. */
export interface EntrySource {
  /** File name, e.g. `mini.ts`. */
  file: string;
  /** Its (formatted) content. */
  content: string;
  /** Re-export these names under other names (`paths` → `CadenyaPaths`). */
  rename?: Readonly<Record<string, string>>;
  /** Re-export only these names. */
  only?: readonly string[];
  /** Leave out names an earlier source already exports (instead of failing). */
  skipTaken?: boolean;
}

interface ExportedName {
  name: string;
  /** A type or interface with no value of the same name: needs `export type`. */
  typeOnly: boolean;
}

/**
 * Writes an entry module that re-exports every export of `sources`, each listed by name (no
 * `export *`), so that the package's public API shows up in diffs and stays tree-shakable.
 */
export function emitEntry(sources: readonly EntrySource[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const source of sources) {
    const specifier = `./${source.file.replace(/\.ts$/, '.js')}`;
    const names = exportedNames(source).filter(({ name }) => {
      if (source.only && !source.only.includes(name)) return false;
      const exported = source.rename?.[name] ?? name;
      if (seen.has(exported) && source.skipTaken) return false;
      if (seen.has(exported)) throw new Error(`entry: ${exported} is exported twice`);
      seen.add(exported);
      return true;
    });
    const spell = (name: string) =>
      source.rename?.[name] ? `${name} as ${source.rename[name]}` : name;
    const values = names.filter((n) => !n.typeOnly).map((n) => spell(n.name));
    const types = names.filter((n) => n.typeOnly).map((n) => spell(n.name));
    if (values.length > 0) lines.push(`export { ${values.join(', ')} } from '${specifier}';`);
    if (types.length > 0) lines.push(`export type { ${types.join(', ')} } from '${specifier}';`);
  }
  return lines.join('\n') + '\n';
}

/** The names a module exports, in source order, from its syntax alone. */
function exportedNames(source: EntrySource): ExportedName[] {
  const file = ts.createSourceFile(source.file, source.content, ts.ScriptTarget.Latest, false);
  const kinds = new Map<string, { value: boolean; type: boolean }>();
  const note = (name: string, value: boolean) => {
    const kind = kinds.get(name) ?? { value: false, type: false };
    if (value) kind.value = true;
    else kind.type = true;
    kinds.set(name, kind);
  };
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) {
          note(element.name.text, !(statement.isTypeOnly || element.isTypeOnly));
        }
      }
      continue;
    }
    const exported = ts.canHaveModifiers(statement)
      ? ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      : false;
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) note(declaration.name.text, true);
      }
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      note(statement.name.text, true);
    } else if (ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) {
      note(statement.name.text, false);
    }
  }
  return [...kinds].map(([name, kind]) => ({ name, typeOnly: !kind.value }));
}
