import { defineConfig } from 'vitest/config';

/**
 * The vitest settings every package shares. Workspace packages resolve through the `@upkit/source`
 * export condition to their `src/`, so a package's tests never need its dependencies built first.
 * Vitest runs node tests through Vite's SSR pipeline, hence `ssr.resolve.conditions`.
 *
 * The time limits are hang guards, not speed requirements: a test that hangs still fails, but a
 * busy machine (two cores shared with other work) never turns a slow pass into a failure. Starting
 * Prism took over 10 s beside two CPU-bound processes.
 */
/** How long one test or hook may take before it counts as hung: 2 minutes. */
export const HANG_GUARD_MS = 120_000;

export function packageTestConfig(
  options: { include?: string[]; testTimeout?: number; hookTimeout?: number } = {},
) {
  return defineConfig({
    ssr: { resolve: { conditions: ['@upkit/source'] } },
    resolve: { conditions: ['@upkit/source'] },
    test: {
      include: options.include ?? ['src/**/*.test.ts'],
      environment: 'node',
      testTimeout: options.testTimeout ?? HANG_GUARD_MS,
      hookTimeout: options.hookTimeout ?? HANG_GUARD_MS,
      pool: 'forks',
      passWithNoTests: false,
      typecheck: { enabled: false },
    },
  });
}
