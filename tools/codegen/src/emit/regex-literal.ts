/**
 * A JavaScript regex literal for a JSON Schema `pattern` (ECMA-262 syntax), or undefined when the
 * pattern is not valid in JavaScript, in which case it is not enforced rather than breaking the
 * generated module. Unescaped `/` are escaped.
 */
export function regexLiteral(pattern: string): string | undefined {
  // JSON Schema patterns are meant with Unicode semantics (`\p{L}` is a letter class, not "p{L}"),
  // so the u flag is used whenever the pattern allows it; legacy patterns (e.g. `\-` outside a
  // class) are still accepted without it.
  let flags = 'u';
  try {
    new RegExp(pattern, 'u');
  } catch {
    try {
      new RegExp(pattern);
      flags = '';
    } catch {
      return undefined;
    }
  }
  let body = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      body += ch + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    if (ch === '/' && !inClass) body += '\\/';
    else if (ch === '\n') body += '\\n';
    else if (ch === '\r') body += '\\r';
    else if (ch === '\u2028') body += '\\u2028';
    else if (ch === '\u2029') body += '\\u2029';
    else body += ch;
  }
  return `/${body}/${flags}`;
}
