import type { SandboxCredentials } from './credentials.js';
import type { FaultInjector } from './faults/fault-injector.js';
import type { SandboxLogger } from './logger.js';
import type { ResolvedCadenyaSettings, ResolvedScenarioSettings } from './options.js';
import type { DataDir } from './persistence/data-dir.js';
import type { StateStore } from './persistence/state-store.js';
import type { RequestLog } from './request-log/request-log.js';
import type { RequestWarnings } from './request-log/request-warnings.js';
import type { Scheduler } from './scheduler.js';
import type { Sleep } from './sleep.js';
import type { ObjectStore } from './storage/object-store.js';

/** What every part of the sandbox shares. */
export interface SandboxContext {
  readonly credentials: SandboxCredentials;
  readonly scenario: ResolvedScenarioSettings;
  readonly cadenya: ResolvedCadenyaSettings;
  readonly dataDir: DataDir;
  readonly store: StateStore;
  readonly objects: ObjectStore;
  readonly faults: FaultInjector;
  readonly requestLog: RequestLog;
  /** Leniencies used by requests: onto their log entries, and logged once each. */
  readonly requestWarnings: RequestWarnings;
  /** Refuse what the documents' exact wire format refuses, where the real services are lenient. */
  readonly strict: boolean;
  readonly scheduler: Scheduler;
  readonly logger: SandboxLogger;
  readonly logRequests: boolean;
  readonly now: () => number;
  /** Waits in the sandbox's time (latency faults). */
  readonly sleep: Sleep;
  /** The origin clients reach the sandbox at, known once it listens. */
  readonly publicUrl: () => string;
  /**
   * Errors of background work (validation of uploads, state writes nobody waits for), kept for the
   * inspection API. Report them with `reportBackgroundError`.
   */
  readonly backgroundErrors: string[];
}
