// One lint configuration for the whole repository. Module boundaries (the layering in README.md) are
// enforced here, so a cross-layer import fails `npm test`.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** The layering: which of our packages each layer may import. `layer:none` is a tag nobody has. */
const depConstraints = [
  { sourceTag: 'layer:schemas', onlyDependOnLibsWithTags: ['layer:none'] },
  { sourceTag: 'layer:core', onlyDependOnLibsWithTags: ['layer:none'] },
  { sourceTag: 'layer:client', onlyDependOnLibsWithTags: ['layer:core', 'layer:schemas'] },
  { sourceTag: 'layer:uploader', onlyDependOnLibsWithTags: ['layer:core', 'layer:client'] },
  { sourceTag: 'layer:sandbox', onlyDependOnLibsWithTags: ['layer:schemas'] },
  { sourceTag: 'layer:tool', onlyDependOnLibsWithTags: ['layer:none'] },
  { sourceTag: 'layer:bench', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'layer:test', onlyDependOnLibsWithTags: ['layer:none'] },
  // The distribution suite proves every package from the outside: the installs and a browser.
  { sourceTag: 'layer:distribution', onlyDependOnLibsWithTags: ['*'] },
];

// The uploader's CLI imports the client it is asked for when it runs; elsewhere (its tests, the
// clients' own code) they are imported as usual.
const LAZY_CLIENTS = ['@upkit/scenario-client', '@upkit/cadenya-client'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/out-tsc/**',
      '**/.nx/**',
      '**/src/generated/**',
      '**/.generated-test/**',
      '**/__golden__/**',
      '**/vitest.config.ts.timestamp-*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts', '**/*.mjs', '**/*.js'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints,
          checkDynamicDependenciesExceptions: LAZY_CLIENTS,
        },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'List exports explicitly (no `export *`).' },
      ],
    },
  },
  {
    // Tests and their helpers may use the shared test helpers (and their fixtures): test-only
    // dependencies, never part of a built package.
    files: ['**/*.test.ts', '**/*.test-d.ts', '**/src/testing/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          checkDynamicDependenciesExceptions: LAZY_CLIENTS,
          depConstraints: depConstraints.map((c) => ({
            ...c,
            onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'layer:test'],
          })),
        },
      ],
    },
  },
  {
    // The clients' and the uploader's tests run against the sandbox and use the shared test helpers:
    // test-only dependencies.
    files: [
      'packages/*-client/src/**/*.test.ts',
      'packages/upload-uploader/src/**/*.test.ts',
      'packages/upload-uploader/src/testing/**/*.ts',
    ],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          checkDynamicDependenciesExceptions: LAZY_CLIENTS,
          depConstraints: depConstraints.map((c) =>
            c.sourceTag === 'layer:client' || c.sourceTag === 'layer:uploader'
              ? {
                  ...c,
                  onlyDependOnLibsWithTags: [
                    ...c.onlyDependOnLibsWithTags,
                    'layer:sandbox',
                    'layer:test',
                  ],
                }
              : c,
          ),
        },
      ],
    },
  },
  {
    // Build and test configs import the repository's shared settings by relative path.
    files: ['**/vitest.config.ts', '**/tsdown.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // The uploader reaches the clients only through types, or through its adapters.
    files: ['packages/upload-uploader/src/**/*.ts'],
    // Tests drive real clients against the sandbox.
    ignores: [
      'packages/upload-uploader/src/adapters/**',
      'packages/upload-uploader/src/**/*.test.ts',
      'packages/upload-uploader/src/testing/**',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['@upkit/scenario-client', '@upkit/cadenya-client'].map((name) => ({
            name,
            allowTypeImports: true,
            message:
              'Import the clients only as types here; runtime use goes through src/adapters/.',
          })),
        },
      ],
    },
  },
  {
    // core-http runs on browsers, Deno, Bun and Workers: no Node built-ins outside its tests.
    files: [
      'packages/core-http/src/**/*.ts',
      'packages/scenario-client/src/**/*.ts',
      'packages/cadenya-client/src/**/*.ts',
      'packages/schemas/src/**/*.ts',
    ],
    ignores: ['**/*.test.ts', '**/*.test-d.ts', '**/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'This package must run outside Node: no node: imports.' },
          ],
        },
      ],
    },
  },
  prettier,
);
