/**
 * `instanceof` that works across duplicate copies of this package (two versions in one
 * node_modules, or a CJS and an ESM copy): every error class marks its prototype with a
 * `Symbol.for` brand, shared by all copies, and checks that brand in `Symbol.hasInstance`,
 * as the AWS SDK v3 does for its service exceptions.
 */
export function brandSymbol(className: string): symbol {
  return Symbol.for(`@upkit/core-http.${className}`);
}

/** Puts the brand and the (minification-proof) name on a class's prototype. */
export function brandClass(cls: abstract new (...args: never[]) => object, className: string) {
  Object.defineProperty(cls.prototype, brandSymbol(className), { value: true });
  Object.defineProperty(cls.prototype, 'name', {
    value: className,
    writable: true,
    configurable: true,
  });
}

/**
 * The body of each class's `static [Symbol.hasInstance]`. For a user's own subclass (which has no
 * brand of its own) it falls back to the prototype chain, so `apiError instanceof MySubclass` stays
 * false.
 */
export function hasBrand(
  self: abstract new (...args: never[]) => object,
  owner: abstract new (...args: never[]) => object,
  brand: symbol,
  value: unknown,
): boolean {
  if (self !== owner) return Function.prototype[Symbol.hasInstance].call(self, value);
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    (value as Record<symbol, unknown>)[brand] === true
  );
}
