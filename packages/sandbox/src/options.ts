import type { SandboxCredentialsInput } from './credentials.js';
import type { FaultSettings } from './faults/fault-settings.js';
import type { SandboxLogger } from './logger.js';
import { CADENYA_OPTIONS, SCENARIO_OPTIONS } from './options-table.js';

/** Settings of the emulated Scenario API. */
export interface ScenarioSettings {
  /**
   * Every part but the last must be at least this many bytes when the upload is completed (S3's
   * rule). Lower it to test with small files.
   * @default 5242880 (5 MiB)
   */
  readonly minPartSize?: number;
  /**
   * How long an upload stays `validating` after the complete action, in ms.
   * @default 1000
   */
  readonly validatingDelayMs?: number;
  /**
   * How long an upload stays `validated` before `imported`, in ms.
   * @default 1000
   */
  readonly importDelayMs?: number;
  /**
   * Lifetime of part URLs, in seconds (`faults.urlTtlSeconds` overrides it).
   * @default 3600
   */
  readonly partUrlTtlSeconds?: number;
}

/** Settings of the emulated Cadenya API. */
export interface CadenyaSettings {
  /**
   * Lifetime of upload URLs, in seconds (`faults.urlTtlSeconds` overrides it).
   * @default 900
   */
  readonly uploadUrlTtlSeconds?: number;
  /**
   * The largest upload a memory entry may consume, in bytes (its content is answered inline).
   * @default 10485760 (10 MiB)
   */
  readonly maxMemoryEntryBytes?: number;
}

/** Options of {@link startSandbox}. */
export interface SandboxOptions {
  /**
   * TCP port; 0 picks a free one.
   * @default 0
   */
  readonly port?: number;
  /**
   * Interface to listen on.
   * @default '127.0.0.1'
   */
  readonly host?: string;
  /**
   * Directory for the state and the stored objects; reopened as it is on the next start. Without
   * it, a temporary directory that is removed on close.
   */
  readonly dataDir?: string;
  /**
   * The origin clients reach the sandbox at (e.g. behind a proxy); presigned URLs are built on
   * it, and their `host` is signed.
   * @default `http://<host>:<port>` (127.0.0.1 when listening on every interface)
   */
  readonly publicUrl?: string;
  /** Credentials to accept; anything left out keeps its development default. */
  readonly credentials?: SandboxCredentialsInput;
  readonly scenario?: ScenarioSettings;
  readonly cadenya?: CadenyaSettings;
  /** Faults to inject from the start; change them at run time with `POST /_sandbox/faults`. */
  readonly faults?: FaultSettings;
  /**
   * Where to log.
   * @default console, with `[upkit-sandbox]` prefixes
   */
  readonly logger?: SandboxLogger;
  /**
   * Log one line per request (method, path, status; never a query string).
   * @default false
   */
  readonly logRequests?: boolean;
  /**
   * How many requests `GET /_sandbox/requests` keeps.
   * @default 10000
   */
  readonly requestLogLimit?: number;
  /**
   * Hold clients to the documents' exact wire format. By default the Cadenya API reads bodies as
   * its protojson gateway does: unknown fields are dropped, proto field names (`size_bytes`) are
   * read as JSON names (`sizeBytes`), int64 fields may be JSON numbers, `null` means "not set";
   * each leniency used is recorded on the request (`GET /_sandbox/requests`) and logged once.
   * Strict mode answers 400 INVALID_ARGUMENT to all of them instead, for testing a client's own
   * output.
   * @default false
   */
  readonly strict?: boolean;
  /**
   * Discard object bytes instead of storing them, for benchmarks where the emulator must not set
   * the figures. PUTs are checked exactly as otherwise (signature, Content-Length, the bytes
   * received, upload state) and answered with the same ETag (the body's MD5); the inspection API
   * reports each object's size and ETag, `sha256: null` and `discarded: true`. Only the first 64
   * bytes of each body are kept, for Scenario's content check; reading a discarded object whole
   * (a Cadenya memory entry) fails.
   * @default false
   */
  readonly discardObjects?: boolean;
  /**
   * The clock, in epoch ms. Tests move it forward to expire URLs or advance uploads without
   * waiting.
   * @default Date.now
   */
  readonly now?: () => number;
  /**
   * How the sandbox waits out latency faults. Tests pass one they release themselves (with the
   * clock), so no test waits for real time.
   * @default a timer
   */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface ResolvedScenarioSettings {
  readonly minPartSize: number;
  readonly validatingDelayMs: number;
  readonly importDelayMs: number;
  readonly partUrlTtlSeconds: number;
}

export interface ResolvedCadenyaSettings {
  readonly uploadUrlTtlSeconds: number;
  readonly maxMemoryEntryBytes: number;
}

export function resolveScenarioSettings(s: ScenarioSettings = {}): ResolvedScenarioSettings {
  const d = SCENARIO_OPTIONS;
  return {
    minPartSize: s.minPartSize ?? d.minPartSize.default,
    validatingDelayMs: s.validatingDelayMs ?? d.validatingDelayMs.default,
    importDelayMs: s.importDelayMs ?? d.importDelayMs.default,
    partUrlTtlSeconds: s.partUrlTtlSeconds ?? d.partUrlTtlSeconds.default,
  };
}

export function resolveCadenyaSettings(s: CadenyaSettings = {}): ResolvedCadenyaSettings {
  const d = CADENYA_OPTIONS;
  return {
    uploadUrlTtlSeconds: s.uploadUrlTtlSeconds ?? d.uploadUrlTtlSeconds.default,
    maxMemoryEntryBytes: s.maxMemoryEntryBytes ?? d.maxMemoryEntryBytes.default,
  };
}
