import { defineConfig } from 'vitest/config';

/**
 * The vitest settings every package shares. Workspace packages resolve through the `@upkit/source`
 * export condition to their `src/`, so a package's tests never need its dependencies built first.
 * Vitest runs node tests through Vite's SSR pipeline, hence `ssr.resolve.conditions`.
 */
export function packageTestConfig(
  options: { include?: string[]; testTimeout?: number; hookTimeout?: number } = {},
) {
  return defineConfig({
    ssr: { resolve: { conditions: ['@upkit/source'] } },
    resolve: { conditions: ['@upkit/source'] },
    test: {
      include: options.include ?? ['src/**/*.test.ts'],
      environment: 'node',
      testTimeout: options.testTimeout ?? 20_000,
      hookTimeout: options.hookTimeout ?? 10_000,
      pool: 'forks',
      passWithNoTests: false,
      typecheck: { enabled: false },
    },
  });
}
