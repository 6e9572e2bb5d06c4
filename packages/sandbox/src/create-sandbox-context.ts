import { resolveCredentials } from './credentials.js';
import { FaultInjector } from './faults/fault-injector.js';
import { parseFaultSettings } from './faults/fault-settings.js';
import { consoleLogger } from './logger.js';
import { resolveCadenyaSettings, resolveScenarioSettings } from './options.js';
import type { SandboxOptions } from './options.js';
import { SANDBOX_OPTIONS } from './options-table.js';
import type { DataDir } from './persistence/data-dir.js';
import type { StateStore } from './persistence/state-store.js';
import { RequestLog } from './request-log/request-log.js';
import { RequestWarnings } from './request-log/request-warnings.js';
import type { SandboxContext } from './sandbox-context.js';
import { Scheduler } from './scheduler.js';
import { timerSleep } from './sleep.js';
import type { ObjectStore } from './storage/object-store.js';

/** What a context is built around: the opened storage, and where clients reach the sandbox. */
export interface SandboxContextParts {
  readonly dataDir: DataDir;
  readonly store: StateStore;
  readonly objects: ObjectStore;
  readonly publicUrl: () => string;
}

/**
 * The shared context of a sandbox, from its options (already checked) and its opened storage.
 * @throws SandboxConfigError for bad fault settings
 */
export function createSandboxContext(
  options: SandboxOptions,
  parts: SandboxContextParts,
): SandboxContext {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? consoleLogger();
  return {
    credentials: resolveCredentials(options.credentials),
    scenario: resolveScenarioSettings(options.scenario),
    cadenya: resolveCadenyaSettings(options.cadenya),
    ...parts,
    faults: new FaultInjector(parseFaultSettings(options.faults ?? {})),
    requestLog: new RequestLog(options.requestLogLimit ?? SANDBOX_OPTIONS.requestLogLimit.default),
    requestWarnings: new RequestWarnings(logger),
    strict: options.strict ?? SANDBOX_OPTIONS.strict.default,
    scheduler: new Scheduler(now),
    logger,
    logRequests: options.logRequests ?? SANDBOX_OPTIONS.logRequests.default,
    now,
    sleep: options.sleep ?? timerSleep,
    backgroundErrors: [],
  };
}
