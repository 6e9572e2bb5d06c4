export { VERSION } from './version.js';
export { startSandbox } from './sandbox.js';
export type { Sandbox } from './sandbox.js';
export type { SandboxUrls } from './sandbox-urls.js';
export type { SandboxOptions, ScenarioSettings, CadenyaSettings } from './options.js';
export { DEFAULT_CREDENTIALS } from './credentials.js';
export { clientEnvironment } from './client-environment.js';
export type {
  SandboxCredentials,
  SandboxCredentialsInput,
  ScenarioCredentials,
  CadenyaCredentials,
  StorageCredentials,
} from './credentials.js';
export type {
  FaultSettings,
  RouteFaultSettings,
  FaultErrorStatus,
} from './faults/fault-settings.js';
export type { SandboxLogger } from './logger.js';
export { consoleLogger, silentLogger } from './logger.js';
export type { RequestLogEntry, RouteClass } from './request-log/request-log.js';
export { SandboxConfigError } from './errors/sandbox-config-error.js';
