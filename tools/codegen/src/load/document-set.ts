import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CodegenError } from '../errors/codegen-error.js';
import { appendPointer, fragmentToPointer, getAtPointer } from './json-pointer.js';
import { parseDocument } from './parse-document.js';

/** A value together with where it was found: the file's URL and the JSON pointer inside it. */
export interface Located<T = unknown> {
  readonly file: string;
  readonly pointer: string;
  readonly value: T;
}

/** A stable key for a location, used to memoise per-node work. */
export function locationKey(location: { file: string; pointer: string }): string {
  return `${location.file}#${location.pointer}`;
}

/**
 * The root document and every file it reaches through `$ref`, loaded up front so that resolution is
 * synchronous afterwards. Only local files are followed; an `http(s)` reference is an error, because
 * generated code must not depend on what a server answered on the day of generation.
 */
export class DocumentSet {
  private constructor(
    /** URL (href) of the root document. */
    readonly rootFile: string,
    private readonly files: ReadonlyMap<string, unknown>,
  ) {}

  /** Loads `input` (a path or file URL) and, transitively, every file referenced from it. */
  static async load(input: string | URL): Promise<DocumentSet> {
    const rootUrl = input instanceof URL ? input : pathToFileURL(input);
    const files = new Map<string, unknown>();
    const pending = [rootUrl.href];
    while (pending.length > 0) {
      const href = pending.pop()!;
      if (files.has(href)) continue;
      const url = new URL(href);
      if (url.protocol !== 'file:') {
        throw new CodegenError(`Only local files can be referenced, not ${href}`);
      }
      let text: string;
      try {
        text = await readFile(url, 'utf8');
      } catch (error) {
        throw new CodegenError(`Cannot read ${fileURLToPath(url)}: ${(error as Error).message}`);
      }
      const value = parseDocument(text, fileURLToPath(url));
      files.set(href, value);
      for (const ref of collectRefs(value)) {
        const target = splitRef(ref, href).file;
        if (!files.has(target)) pending.push(target);
      }
    }
    return new DocumentSet(rootUrl.href, files);
  }

  /** How many files the document spans (1 when it has no references to other files). */
  get fileCount(): number {
    return this.files.size;
  }

  /** The parsed root document. */
  get root(): Located {
    return { file: this.rootFile, pointer: '', value: this.files.get(this.rootFile) };
  }

  /** The value at `pointer` in `file`, or a CodegenError. */
  at(file: string, pointer: string): Located {
    if (!this.files.has(file)) throw new CodegenError(`File not loaded: ${file}`);
    const value = getAtPointer(this.files.get(file), pointer);
    if (value === undefined) {
      throw new CodegenError(`Reference target not found`, `${displayFile(file)}#${pointer}`);
    }
    return { file, pointer, value };
  }

  /** A child of a located object or array, keeping track of its pointer. */
  child(parent: Located, ...segments: string[]): Located {
    let value: unknown = parent.value;
    for (const segment of segments) {
      value =
        value !== null && typeof value === 'object'
          ? (value as Record<string, unknown>)[segment]
          : undefined;
    }
    return { file: parent.file, pointer: appendPointer(parent.pointer, ...segments), value };
  }

  /** Where a `$ref` string found in `fromFile` points. */
  refTarget(ref: string, fromFile: string): { file: string; pointer: string } {
    return splitRef(ref, fromFile);
  }

  /**
   * Follows `$ref` chains from `node` until a non-reference value; `via` lists every reference
   * followed, outermost first, so callers can honour sibling keywords (OpenAPI 3.1) and names.
   */
  deref(node: Located): Located & { via: Located[] } {
    const via: Located[] = [];
    let current = node;
    const seen = new Set<string>();
    while (isRefObject(current.value)) {
      const key = locationKey(current);
      if (seen.has(key)) throw new CodegenError('Circular $ref chain', displayLocation(current));
      seen.add(key);
      via.push(current);
      const target = splitRef(current.value.$ref, current.file);
      current = this.at(target.file, target.pointer);
    }
    return { ...current, via };
  }
}

/** True for `{ $ref: string, ... }`. */
export function isRefObject(value: unknown): value is { $ref: string } {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { $ref?: unknown }).$ref === 'string'
  );
}

/** `other.yaml#/a/b` seen in `fromFile` → absolute file URL + pointer. */
function splitRef(ref: string, fromFile: string): { file: string; pointer: string } {
  const hash = ref.indexOf('#');
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash);
  const file = filePart === '' ? fromFile : new URL(filePart, fromFile).href;
  return { file, pointer: fragmentToPointer(fragment) };
}

function collectRefs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') out.push(item);
      else collectRefs(item, out);
    }
  }
  return out;
}

/** The base name of a file URL, for messages and generated headers (never an absolute path). */
export function displayFile(file: string): string {
  const path = new URL(file).pathname;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/** `file.yaml#/pointer`, for messages. */
export function displayLocation(location: { file: string; pointer: string }): string {
  return `${displayFile(location.file)}#${location.pointer}`;
}
