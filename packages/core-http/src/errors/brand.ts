type Class = abstract new (...args: never[]) => object;

/** Each branded class of this copy of the package, with its brand. */
const brands = new WeakMap<Class, symbol>();

/**
 * Brands an error class so that `instanceof` works across duplicate copies of this package (two
 * versions in one node_modules, or a CJS and an ESM copy), as the AWS SDK v3 does for its service
 * exceptions: the prototype carries a `Symbol.for` brand shared by all copies, which
 * `UpkitError[Symbol.hasInstance]` (inherited by every subclass) checks. Also sets the
 * minification-proof `name`. Exported as `brandError` for the clients' own error classes (and
 * yours, if you subclass): the brand key is the class name, so names must be unique across upkit.
 */
export function brand(cls: Class, name: string): void {
  const symbol = Symbol.for(`@upkit.${name}`);
  brands.set(cls, symbol);
  Object.defineProperties(cls.prototype, {
    [symbol]: { value: true },
    name: { value: name, writable: true, configurable: true },
  });
}

/**
 * `value instanceof cls`. A user's own subclass has no brand: it falls back to the prototype chain,
 * so that `apiError instanceof MySubclass` stays false.
 */
export function isBranded(cls: Class, value: unknown): boolean {
  const symbol = brands.get(cls);
  return symbol
    ? (value as Record<symbol, unknown> | null | undefined)?.[symbol] === true
    : Function.prototype[Symbol.hasInstance].call(cls, value);
}
