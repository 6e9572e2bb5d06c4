import { checkGroup } from '../option-checks.js';
import { FAULT_OPTIONS } from '../options-table.js';

/** The server errors the error fault can answer with. */
export type FaultErrorStatus = 500 | 502 | 503;

/** Faults for one class of routes (the two APIs, or object storage). */
export interface RouteFaultSettings {
  /**
   * Share of requests answered with a server error (0 … 1).
   * @default 0
   */
  readonly errorRate?: number;
  /**
   * The error's status; with several, each injected error picks one at random (seeded).
   * @default 500
   */
  readonly errorStatus?: FaultErrorStatus | readonly FaultErrorStatus[];
  /**
   * Share of requests refused as rate-limited, with `Retry-After` (0 … 1).
   * @default 0
   */
  readonly rateLimitRate?: number;
  /**
   * The rate-limit status: 429 for the APIs; storage answers like S3, 503 `SlowDown`.
   * @default 429 for api, 503 for storage
   */
  readonly rateLimitStatus?: 429 | 503;
  /**
   * `Retry-After` of a rate-limit refusal, in seconds.
   * @default 1
   */
  readonly retryAfterSeconds?: number;
  /**
   * Delay before each request is handled, in ms: a number, or `[min, max]` for a seeded uniform
   * pick.
   * @default 0
   */
  readonly latencyMs?: number | readonly [number, number];
  /**
   * Reset the connection (destroy the socket) once this many bytes of the request body arrived;
   * a request whose body is shorter is reset when its body ends. Enables the reset fault.
   */
  readonly resetAfterBytes?: number;
  /**
   * Share of requests reset, when `resetAfterBytes` is set (0 … 1).
   * @default 1
   */
  readonly resetRate?: number;
  /**
   * Stop injecting errors, rate limits and resets after this many (latency is not counted).
   * @default unlimited
   */
  readonly times?: number;
}

/** Every fault setting. Deterministic: the same seed and requests give the same faults. */
export interface FaultSettings {
  /**
   * Seed of the PRNG that decides which requests fail.
   * @default 1
   */
  readonly seed?: number;
  /** Faults on the Scenario and Cadenya API routes. */
  readonly api?: RouteFaultSettings;
  /** Faults on object storage (presigned PUTs). */
  readonly storage?: RouteFaultSettings;
  /**
   * Lifetime of presigned URLs issued from now on, in seconds, for both APIs (overrides
   * Scenario's 3600 and Cadenya's 900).
   */
  readonly urlTtlSeconds?: number;
}

/**
 * Checks fault settings from an untrusted source (the inspection API, CLI flags, `startSandbox`)
 * against the options table.
 * @returns a copy of the settings
 * @throws SandboxConfigError naming the first bad setting.
 */
export function parseFaultSettings(value: unknown): FaultSettings {
  return checkGroup({ rows: FAULT_OPTIONS }, value, ['faults']) as FaultSettings;
}
