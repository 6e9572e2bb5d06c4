/** Which part of the sandbox a request went to. */
export type RouteClass = 'api' | 'storage' | 'inspection' | 'other';

/** One handled request. Never holds a query string: presigned queries are credentials. */
export interface RequestLogEntry {
  /** When the request arrived (ISO 8601). */
  readonly timestamp: string;
  readonly method: string;
  /** The path only, without the query. */
  readonly path: string;
  /** The response status; 0 when the connection was reset. */
  readonly status: number;
  /** True when the request carried an `Authorization` header (its value is never kept). */
  readonly authorization: boolean;
  readonly routeClass: RouteClass;
  /** For `api` requests: which API. */
  readonly api?: 'scenario' | 'cadenya';
  /** The fault injected into this request, if any. */
  readonly fault?: 'error' | 'rateLimit' | 'reset';
  /**
   * What the sandbox let pass, as the real service does, that the document's exact wire format
   * refuses: e.g. `unknown field spec.extra: a real server drops it`. Never present in strict mode.
   */
  readonly warnings?: readonly string[];
  /** For a storage request of a multipart upload: its `partNumber` (the only query value kept). */
  readonly partNumber?: number;
  readonly durationMs: number;
}

/** A bounded, in-memory log of requests, oldest first. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];

  constructor(
    /** Entries kept; older ones are dropped. */
    private readonly limit: number,
  ) {}

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  list(): readonly RequestLogEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}

/** Classifies a path into its route class (and API). */
export function classifyPath(path: string): {
  routeClass: RouteClass;
  api?: 'scenario' | 'cadenya';
} {
  if (path.startsWith('/scenario/')) return { routeClass: 'api', api: 'scenario' };
  if (path.startsWith('/cadenya/')) return { routeClass: 'api', api: 'cadenya' };
  if (path.startsWith('/storage/')) return { routeClass: 'storage' };
  if (path.startsWith('/_sandbox/') || path === '/_sandbox') return { routeClass: 'inspection' };
  return { routeClass: 'other' };
}
