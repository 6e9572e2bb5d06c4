import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { cadenyaPublicSpecPath } from '@upkit/test-utils';
import { generate, writeGeneratedFiles } from '../generate.js';
import { FIXTURES, generateFixtureInto, scratchDir } from './fixtures.js';
import type { FixtureName } from './fixtures.js';
import { writeTypeChecks } from './type-checks.js';

// The `typecheck-generated` target: generates the full public Cadenya document (about 2 MB of
// code) and every fixture into .generated-test/typecheck/, and type-checks all of it in one
// program, as a user would compile it: strict, noUncheckedIndexedAccess, nodenext. Beside each
// output, flavour-types.check.ts asserts that every standard schema infers the zod/mini type and
// that every type both modules export is the same, so a mismatch is a diagnostic. About 20 s of
// CPU, which is why it is a target of its own (no per-test timer; the deadline in package.json
// stops a hang). By hand: `npx tsc -p tools/codegen/.generated-test/typecheck` after a run.

const COMPILER_OPTIONS = {
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  module: 'nodenext',
  moduleResolution: 'nodenext',
  target: 'es2022',
  lib: ['es2022'],
  types: [],
  noEmit: true,
  skipLibCheck: true,
};

const started = performance.now();
const outDir = scratchDir('typecheck');
await rm(outDir, { recursive: true, force: true });
const cadenyaDir = join(outDir, 'cadenya');
// Unformatted: prettier on these large files would take longer than the type-check.
const { files } = await generate({ input: cadenyaPublicSpecPath, skipFormat: true });
await writeGeneratedFiles(files, cadenyaDir);
const fixtureDirs = await Promise.all(
  (Object.keys(FIXTURES) as FixtureName[]).map((name) =>
    generateFixtureInto(name, `typecheck/${name}`),
  ),
);
await Promise.all([cadenyaDir, ...fixtureDirs].map(writeTypeChecks));
const configPath = join(outDir, 'tsconfig.json');
await writeFile(
  configPath,
  `${JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include: ['**/*.ts'] }, null, 2)}\n`,
);
const generatedAfter = performance.now();

const config = ts.getParsedCommandLineOfConfigFile(
  configPath,
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  },
);
if (!config) throw new Error(`${configPath}: unreadable`);
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
const diagnostics = [...config.errors, ...ts.getPreEmitDiagnostics(program)];
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const directories = (await readdir(outDir, { withFileTypes: true })).filter((d) => d.isDirectory());

if (diagnostics.length > 0) {
  process.stderr.write(
    ts.formatDiagnosticsWithColorAndContext(diagnostics.slice(0, 20), {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => outDir,
      getNewLine: () => '\n',
    }),
  );
  process.stderr.write(`\n${diagnostics.length} type errors in the generated code (${outDir})\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(
    `Type-checked ${config.fileNames.length} generated files (${directories.length} documents): ` +
      `generation ${seconds(generatedAfter - started)}, ` +
      `type-check ${seconds(performance.now() - generatedAfter)}.\n`,
  );
}
