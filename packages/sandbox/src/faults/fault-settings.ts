import { SandboxConfigError } from '../errors/sandbox-config-error.js';
import { MAX_PRESIGN_SECONDS } from '../limits.js';

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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], where: string) {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new SandboxConfigError(`${where}: unknown setting "${key}"`);
  }
}

function number(value: unknown, where: string, min: number, max: number, integer = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new SandboxConfigError(`${where} must be a number in [${min}, ${max}]`);
  }
  if (integer && !Number.isInteger(value))
    throw new SandboxConfigError(`${where} must be an integer`);
  return value;
}

const ROUTE_KEYS = [
  'errorRate',
  'errorStatus',
  'rateLimitRate',
  'rateLimitStatus',
  'retryAfterSeconds',
  'latencyMs',
  'resetAfterBytes',
  'resetRate',
  'times',
] as const;

function parseRoute(value: unknown, where: string): RouteFaultSettings {
  if (!isRecord(value)) throw new SandboxConfigError(`${where} must be an object`);
  checkKeys(value, ROUTE_KEYS, where);
  const out: { -readonly [K in keyof RouteFaultSettings]: RouteFaultSettings[K] } = {};
  const v = value as Record<(typeof ROUTE_KEYS)[number], unknown>;
  if (v.errorRate !== undefined) out.errorRate = number(v.errorRate, `${where}.errorRate`, 0, 1);
  if (v.errorStatus !== undefined) {
    const list = Array.isArray(v.errorStatus) ? v.errorStatus : [v.errorStatus];
    if (list.length === 0 || !list.every((s) => s === 500 || s === 502 || s === 503)) {
      throw new SandboxConfigError(`${where}.errorStatus must be 500, 502 or 503 (or a list)`);
    }
    out.errorStatus = Array.isArray(v.errorStatus)
      ? (list as FaultErrorStatus[])
      : (v.errorStatus as FaultErrorStatus);
  }
  if (v.rateLimitRate !== undefined) {
    out.rateLimitRate = number(v.rateLimitRate, `${where}.rateLimitRate`, 0, 1);
  }
  if (v.rateLimitStatus !== undefined) {
    if (v.rateLimitStatus !== 429 && v.rateLimitStatus !== 503) {
      throw new SandboxConfigError(`${where}.rateLimitStatus must be 429 or 503`);
    }
    out.rateLimitStatus = v.rateLimitStatus;
  }
  if (v.retryAfterSeconds !== undefined) {
    out.retryAfterSeconds = number(
      v.retryAfterSeconds,
      `${where}.retryAfterSeconds`,
      0,
      86_400,
      true,
    );
  }
  if (v.latencyMs !== undefined) {
    if (Array.isArray(v.latencyMs)) {
      if (v.latencyMs.length !== 2) throw new SandboxConfigError(`${where}.latencyMs: [min, max]`);
      const min = number(v.latencyMs[0], `${where}.latencyMs[0]`, 0, 600_000);
      const max = number(v.latencyMs[1], `${where}.latencyMs[1]`, min, 600_000);
      out.latencyMs = [min, max];
    } else {
      out.latencyMs = number(v.latencyMs, `${where}.latencyMs`, 0, 600_000);
    }
  }
  if (v.resetAfterBytes !== undefined) {
    out.resetAfterBytes = number(
      v.resetAfterBytes,
      `${where}.resetAfterBytes`,
      0,
      2 ** 53 - 1,
      true,
    );
  }
  if (v.resetRate !== undefined) out.resetRate = number(v.resetRate, `${where}.resetRate`, 0, 1);
  if (v.times !== undefined) out.times = number(v.times, `${where}.times`, 0, 2 ** 53 - 1, true);
  return out;
}

/**
 * Checks fault settings from an untrusted source (the inspection API, CLI flags).
 * @throws SandboxConfigError naming the first bad setting.
 */
export function parseFaultSettings(value: unknown): FaultSettings {
  if (!isRecord(value)) throw new SandboxConfigError('faults must be an object');
  checkKeys(value, ['seed', 'api', 'storage', 'urlTtlSeconds'], 'faults');
  const out: { -readonly [K in keyof FaultSettings]: FaultSettings[K] } = {};
  if (value['seed'] !== undefined) {
    out.seed = number(value['seed'], 'faults.seed', 0, 2 ** 32 - 1, true);
  }
  if (value['api'] !== undefined) out.api = parseRoute(value['api'], 'faults.api');
  if (value['storage'] !== undefined) out.storage = parseRoute(value['storage'], 'faults.storage');
  if (value['urlTtlSeconds'] !== undefined) {
    out.urlTtlSeconds = number(
      value['urlTtlSeconds'],
      'faults.urlTtlSeconds',
      1,
      MAX_PRESIGN_SECONDS,
      true,
    );
  }
  return out;
}
