import { describe, expect, it } from 'vitest';

/** The names of a module's exports that are the very values `core` exports. */
export function reExportsOf(
  module: Record<string, unknown>,
  core: Record<string, unknown>,
): string[] {
  return Object.keys(module)
    .filter((name) => module[name] === core[name])
    .sort();
}

/** A module's export names, without the ones listed. */
function namesBut(module: Record<string, unknown>, names: readonly string[]): string[] {
  return Object.keys(module)
    .filter((name) => !names.includes(name))
    .sort();
}

/** What {@link describeClientExports} compares. */
export interface ClientExports {
  /** This client's `index.ts`, and the names only it exports. */
  readonly own: Record<string, unknown>;
  readonly ownNames: readonly string[];
  /** The other client's `index.ts` (imported by path: a client may not depend on another). */
  readonly other: () => Promise<Record<string, unknown>>;
  readonly otherNames: readonly string[];
  /** core-http, whose helpers both must re-export (never a second copy). */
  readonly core: Record<string, unknown>;
  /** This client's generated resources: every class must be exported. */
  readonly generated: Record<string, unknown>;
}

/**
 * The tests that keep two clients exporting the same kinds of things. Each client runs them, with
 * the roles swapped, so that a change to either is checked by its own tests.
 */
export function describeClientExports(c: ClientExports): void {
  describe('the exports', () => {
    it('are the other client’s, but for each client’s own names', async () => {
      const other = await c.other();
      expect(namesBut(c.own, c.ownNames)).toEqual(namesBut(other, c.otherNames));
      expect(reExportsOf(c.own, c.core)).toEqual(reExportsOf(other, c.core));
    });

    it('re-export core-http’s transport helpers and guards, so that nobody imports a second copy', () => {
      expect(reExportsOf(c.own, c.core)).toEqual(
        expect.arrayContaining(['send', 'isAPIError', 'isUpkitError', 'APIPromise', 'RetryBudget']),
      );
    });

    it('include every generated resource class', () => {
      const classes = Object.keys(c.generated).filter((name) => name.endsWith('Resource'));
      expect(classes.length).toBeGreaterThan(0);
      for (const name of classes) expect(c.own[name], name).toBe(c.generated[name]);
    });
  });
}
