/**
 * JSON Pointer (RFC 6901) helpers, including the URI-fragment form used by `$ref`
 * (`#/components/schemas/a~1b` names the key `a/b`; `~0` is `~`; percent-escapes are decoded).
 */

/** Splits a pointer such as `/paths/~1uploads/get` into its unescaped segments. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '' ? [] : [''];
  if (!pointer.startsWith('/')) throw new SyntaxError(`Invalid JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Builds a pointer from raw segments, escaping `~` and `/`. */
export function formatPointer(segments: readonly string[]): string {
  return segments.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Appends raw segments to an existing pointer. */
export function appendPointer(pointer: string, ...segments: string[]): string {
  return pointer + formatPointer(segments);
}

/** Turns a `$ref` fragment (`#/a%20b/c`) into a pointer (`/a b/c`). */
export function fragmentToPointer(fragment: string): string {
  const raw = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  return decodeURIComponent(raw);
}

/** Looks a pointer up in a value; `undefined` when some segment is missing. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  let current: unknown = root;
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else if (current !== null && typeof current === 'object') {
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    } else {
      return undefined;
    }
  }
  return current;
}
