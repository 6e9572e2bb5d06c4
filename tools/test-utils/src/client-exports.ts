/** The names of a module's exports that are the very values `core` exports. */
export function reExportsOf(
  module: Record<string, unknown>,
  core: Record<string, unknown>,
): string[] {
  return Object.keys(module)
    .filter((name) => module[name] === core[name])
    .sort();
}

/**
 * The runtime exports of two clients, each without the names it alone has: the two lists must be
 * equal, so that the clients export the same kinds of things.
 */
export function sharedExports(
  own: Record<string, unknown>,
  ownNames: readonly string[],
  other: Record<string, unknown>,
  otherNames: readonly string[],
): { own: string[]; other: string[] } {
  const common = (module: Record<string, unknown>, names: readonly string[]) =>
    Object.keys(module)
      .filter((name) => !names.includes(name))
      .sort();
  return { own: common(own, ownNames), other: common(other, otherNames) };
}
