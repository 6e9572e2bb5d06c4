/**
 * The key of a custom `util.inspect` (Node, Deno, Bun), by which objects that hold credentials
 * print without them. A registered symbol, so no `node:util` import is needed.
 */
export const INSPECT = Symbol.for('nodejs.util.inspect.custom');
