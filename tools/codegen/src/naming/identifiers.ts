/**
 * Turning names from an OpenAPI document into JavaScript identifiers and property keys.
 *
 * Component names are kept as written when they already are identifiers (`AIProviderConfig_Openai`
 * stays as is, matching `components['schemas']['AIProviderConfig_Openai']` in types.ts); other
 * names, operation ids and path-derived names are joined into PascalCase / camelCase words.
 */

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends ' +
    'false finally for function if import in instanceof new null return super switch this throw ' +
    'true try typeof var void while with yield let static implements interface package private ' +
    'protected public await arguments eval undefined NaN Infinity'
  ).split(' '),
);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** True when `name` can be used as a `const` name as it is. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !RESERVED.has(name);
}

/** Splits on anything that is not a letter or digit; keeps the case inside each word. */
function words(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
}

function upperFirst(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function lowerFirst(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1);
}

function safe(name: string): string {
  if (name === '') return '_';
  const prefixed = /^[0-9]/.test(name) ? `_${name}` : name;
  return RESERVED.has(prefixed) ? `${prefixed}_` : prefixed;
}

/** `upload-status` → `UploadStatus`, `AccountService_GetAccount` → `AccountServiceGetAccount`. */
export function pascalCase(text: string): string {
  return safe(words(text).map(upperFirst).join(''));
}

/** `AccountService_GetAccount` → `accountServiceGetAccount`, `getUpload` → `getUpload`. */
export function camelCase(text: string): string {
  return safe(lowerFirst(words(text).map(upperFirst).join('')));
}

/** A component's identifier: its own name when valid, otherwise its PascalCase form. */
export function componentIdentifier(name: string): string {
  return isIdentifier(name) ? name : pascalCase(name);
}

/** A single-quoted JavaScript string literal. */
export function stringLiteral(value: string): string {
  return `'${value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}'`;
}

/**
 * An object-literal key for `name`. `__proto__` must be computed: as a plain key it would set the
 * object's prototype instead of defining a property.
 */
export function propertyKey(name: string): string {
  if (name === '__proto__') return `['__proto__']`;
  return IDENTIFIER.test(name) ? name : stringLiteral(name);
}

/** A JavaScript expression for a JSON value (used for defaults and enum values). */
export function jsonLiteral(value: unknown): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(jsonLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([key, item]) => `${propertyKey(key)}: ${jsonLiteral(item)}`,
    );
    return `{ ${entries.join(', ')} }`;
  }
  return 'undefined';
}
