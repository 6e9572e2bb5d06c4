import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** The public entries of a package: its export map's source files (`@upkit/source`). */
export async function publicEntries(
  packageDir: string,
): Promise<{ subpath: string; file: string }[]> {
  const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8'));
  const entries: { subpath: string; file: string }[] = [];
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    const source = (target as Record<string, unknown>)?.['@upkit/source'];
    const file =
      typeof source === 'string'
        ? source
        : typeof source === 'object' && source
          ? ((source as Record<string, string>)['node'] ??
            (source as Record<string, string>)['default'])
          : undefined;
    if (file?.endsWith('.ts')) entries.push({ subpath, file: join(packageDir, file) });
  }
  return entries;
}

const FLAGS = ts.TypeFormatFlags.NoTruncation;

/** Declared by our code (not inherited from a lib such as Error or Promise). */
const ours = (symbol: ts.Symbol): boolean =>
  (symbol.declarations ?? []).some((d) => !d.getSourceFile().fileName.includes('/node_modules/'));

/** A publishable package and its public entries. */
export interface ApiPackage {
  readonly name: string;
  readonly dir: string;
  readonly entries: readonly { subpath: string; file: string }[];
  /** Entries whose exports are listed by name and kind only (generated code). */
  readonly namesOnly?: ((subpath: string) => boolean) | undefined;
}

/**
 * Each package's public API as text: for each entry, every export with its kind and signature, from
 * the TypeScript checker (names sorted, one line or block each), all from one program.
 */
export function apiReports(packages: readonly ApiPackage[], root: string): Map<string, string> {
  const program = ts.createProgram(
    packages.flatMap((p) => p.entries.map((e) => e.file)),
    {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      customConditions: ['@upkit/source'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
    },
  );
  const checker = program.getTypeChecker();
  const reports = new Map<string, string>();
  for (const pkg of packages) {
    const out: string[] = [
      `# ${pkg.name}: public API`,
      '',
      'Written by `npm run api:update`; `npm test` fails when it differs.',
      '',
    ];
    for (const entry of pkg.entries) {
      const source = program.getSourceFile(entry.file);
      const moduleSymbol = source && checker.getSymbolAtLocation(source);
      out.push(`## ${entry.subpath} (${relative(root, entry.file)})`, '');
      if (!moduleSymbol) continue;
      const exports = checker
        .getExportsOfModule(moduleSymbol)
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const exported of exports) {
        const symbol =
          exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
        out.push(describe(checker, exported.name, symbol, pkg.namesOnly?.(entry.subpath) ?? false));
      }
      out.push('');
    }
    // Types named by import path: relative to the repository, so the report is the same anywhere.
    const text = out
      .join('\n')
      .split(root.endsWith('/') ? root : `${root}/`)
      .join('');
    reports.set(pkg.name, `${text.trimEnd()}\n`);
  }
  return reports;
}

function describe(
  checker: ts.TypeChecker,
  name: string,
  symbol: ts.Symbol,
  namesOnly: boolean,
): string {
  const f = symbol.flags;
  const kind =
    f & ts.SymbolFlags.Class
      ? 'class'
      : f & ts.SymbolFlags.Interface
        ? 'interface'
        : f & ts.SymbolFlags.TypeAlias
          ? 'type'
          : f & ts.SymbolFlags.Function
            ? 'function'
            : f & ts.SymbolFlags.Enum
              ? 'enum'
              : f & (ts.SymbolFlags.Variable | ts.SymbolFlags.Property)
                ? 'const'
                : 'other';
  if (namesOnly) return `${kind} ${name}`;
  const declaration = symbol.declarations?.[0];
  if (kind === 'function' || kind === 'const') {
    const type = checker.getTypeOfSymbol(symbol);
    const signatures = type.getCallSignatures();
    if (kind === 'function') {
      return signatures
        .map((s) => `function ${name}${checker.signatureToString(s, undefined, FLAGS)}`)
        .join('\n');
    }
    return `const ${name}: ${checker.typeToString(type, declaration, FLAGS)}`;
  }
  if (kind === 'type') {
    return `type ${name} = ${checker.typeToString(checker.getDeclaredTypeOfSymbol(symbol), declaration, FLAGS | ts.TypeFormatFlags.InTypeAlias)}`;
  }
  if (kind === 'interface' || kind === 'class') {
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    const node = declaration as ts.ClassDeclaration | ts.InterfaceDeclaration | undefined;
    const params = node?.typeParameters?.length
      ? `<${node.typeParameters.map((t) => t.getText()).join(', ')}>`
      : '';
    const heritage = node?.heritageClauses?.map((h) => ` ${h.getText()}`).join('') ?? '';
    const lines = [`${kind} ${name}${params}${heritage} {`];
    if (kind === 'class') {
      const ctor = checker.getTypeOfSymbol(symbol);
      for (const signature of ctor.getConstructSignatures()) {
        const params = signature
          .getParameters()
          .map((p) => {
            const type = checker.getTypeOfSymbolAtLocation(p, declaration!);
            const optional =
              p.valueDeclaration &&
              ts.isParameter(p.valueDeclaration) &&
              p.valueDeclaration.questionToken
                ? '?'
                : '';
            return `${p.name}${optional}: ${checker.typeToString(type, declaration, FLAGS)}`;
          })
          .join(', ');
        lines.push(`  constructor(${params});`);
      }
      for (const member of checker.getPropertiesOfType(ctor)) {
        if (member.name === 'prototype' || member.name.startsWith('__') || !ours(member)) continue;
        lines.push(
          `  static ${member.name}: ${checker.typeToString(checker.getTypeOfSymbol(member), declaration, FLAGS)};`,
        );
      }
    }
    for (const member of checker.getPropertiesOfType(type)) {
      if (member.name.startsWith('#') || member.name.startsWith('__') || !ours(member)) continue;
      const modifiers = ts.getCombinedModifierFlags(
        member.valueDeclaration ?? member.declarations?.[0] ?? declaration!,
      );
      if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      const optional = member.flags & ts.SymbolFlags.Optional ? '?' : '';
      const readonly = modifiers & ts.ModifierFlags.Readonly ? 'readonly ' : '';
      lines.push(
        `  ${readonly}${member.name}${optional}: ${checker.typeToString(checker.getTypeOfSymbol(member), declaration, FLAGS)};`,
      );
    }
    lines.push('}');
    return lines.join('\n');
  }
  return `${kind} ${name}`;
}
