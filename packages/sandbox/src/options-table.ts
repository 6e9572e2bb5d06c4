import type { SandboxCredentialsInput } from './credentials.js';
import type { FaultSettings, RouteFaultSettings } from './faults/fault-settings.js';
import { MAX_PRESIGN_SECONDS, MAX_PUT_BYTES } from './limits.js';
import type { CadenyaSettings, SandboxOptions, ScenarioSettings } from './options.js';

/** What a setting's value may be; `option-checks.ts` checks it, the CLI reads a flag as it says. */
export type OptionKind =
  | { readonly type: 'integer' | 'number'; readonly min: number; readonly max: number }
  /** A delay in ms, or a `[min, max]` range of them. */
  | { readonly type: 'latency'; readonly max: number }
  /** One of the statuses; with `list`, also a non-empty list of them. */
  | { readonly type: 'status'; readonly statuses: readonly number[]; readonly list: boolean }
  | { readonly type: 'string' | 'strings' | 'url' | 'boolean' | 'function' | 'logger' };

/** The command-line flag of a setting. */
export interface CliFlag {
  /** Without the leading `--` (and without the prefix of its group). */
  readonly flag: string;
  /** The argument as `--help` shows it; none for a boolean flag. */
  readonly arg?: string;
  /** The `--help` text; `\n` breaks it into lines. */
  readonly help: string;
  /** What the CLI passes when the flag is absent, if not the setting's own default. */
  readonly default?: number | string | boolean;
  /** A one-letter alias (`-h`). */
  readonly short?: string;
}

/** One setting: what its value may be, its default, its flag. */
export interface OptionRow {
  readonly kind: OptionKind;
  readonly default?: unknown;
  readonly cli?: CliFlag;
}

/** A group of settings (`scenario`, `faults.api`…), itself a setting of its parent. */
export interface OptionGroup {
  readonly rows: Readonly<Record<string, OptionRow | OptionGroup>>;
  /** The `--help` section of the flags within, unless a nested group names its own. */
  readonly section?: string;
  /** Put before the flags within (`api` makes `--api-error-rate`); `help` is shown in `--help`. */
  readonly flagPrefix?: { readonly flag: string; readonly help: string };
}

/** A row for each key of `T`: a setting added to the options' types needs its row. */
type Rows<T> = { readonly [K in keyof Required<T>]: OptionRow | OptionGroup };

export const isGroup = (row: OptionRow | OptionGroup): row is OptionGroup => 'rows' in row;

type Extras = Omit<OptionRow, 'kind'>;

const integer = <const E extends Extras>(min: number, max: number, extras = {} as E) => ({
  kind: { type: 'integer', min, max } as const,
  ...extras,
});
/** A share of requests, 0 … 1. */
const rate = <const E extends Extras>(extras = {} as E) => ({
  kind: { type: 'number', min: 0, max: 1 } as const,
  ...extras,
});
const typed = <const E extends Extras>(type: 'string' | 'strings' | 'url', extras = {} as E) => ({
  kind: { type } as const,
  ...extras,
});
const boolean = <const E extends Extras>(extras = {} as E) => ({
  kind: { type: 'boolean' } as const,
  ...extras,
});
const FUNCTION = { kind: { type: 'function' } } as const;

/** A day, in ms: the longest lifecycle delay. */
const DAY_MS = 86_400_000;

export const SCENARIO_OPTIONS = {
  minPartSize: integer(1, MAX_PUT_BYTES, {
    default: 5 * 1024 * 1024,
    cli: { flag: 'min-part-size', arg: '<bytes>', help: 'smallest part but the last' },
  }),
  validatingDelayMs: integer(0, DAY_MS, {
    default: 1000,
    cli: { flag: 'validating-delay-ms', arg: '<ms>', help: 'time in "validating"' },
  }),
  importDelayMs: integer(0, DAY_MS, {
    default: 1000,
    cli: { flag: 'import-delay-ms', arg: '<ms>', help: 'time in "validated" before "imported"' },
  }),
  partUrlTtlSeconds: integer(1, MAX_PRESIGN_SECONDS, { default: 3600 }),
} as const satisfies Rows<ScenarioSettings>;

export const CADENYA_OPTIONS = {
  uploadUrlTtlSeconds: integer(1, MAX_PRESIGN_SECONDS, { default: 900 }),
  maxMemoryEntryBytes: integer(0, 2 ** 30, { default: 10 * 1024 * 1024 }),
} as const satisfies Rows<CadenyaSettings>;

export const CREDENTIAL_OPTIONS = {
  scenario: {
    rows: {
      apiKey: typed('string', {
        cli: {
          flag: 'scenario-api-key',
          arg: '<key>',
          help: 'Basic auth user (SCENARIO_SDK_API_KEY)',
        },
      }),
      apiSecret: typed('string', {
        cli: {
          flag: 'scenario-api-secret',
          arg: '<secret>',
          help: 'Basic auth password (SCENARIO_SDK_API_SECRET)',
        },
      }),
      bearerToken: typed('string', {
        cli: {
          flag: 'scenario-bearer-token',
          arg: '<token>',
          help: 'accepted as Bearer in place of Basic auth',
        },
      }),
      projectId: typed('string'),
      otherProjectIds: typed('strings'),
    } satisfies Rows<NonNullable<SandboxCredentialsInput['scenario']>>,
  },
  cadenya: {
    rows: {
      apiKey: typed('string', {
        cli: {
          flag: 'cadenya-api-key',
          arg: '<key>',
          help: 'the Bearer API key (CADENYA_API_KEY)',
        },
      }),
      workspaceId: typed('string', {
        cli: {
          flag: 'cadenya-workspace-id',
          arg: '<id>',
          help: 'the workspace to use (CADENYA_WORKSPACE_ID)',
        },
      }),
      otherWorkspaceIds: typed('strings'),
    } satisfies Rows<NonNullable<SandboxCredentialsInput['cadenya']>>,
  },
  storage: {
    rows: {
      accessKeyId: typed('string'),
      secretAccessKey: typed('string'),
    } satisfies Rows<NonNullable<SandboxCredentialsInput['storage']>>,
  },
} as const satisfies Rows<SandboxCredentialsInput>;

/** The largest byte count a setting takes. */
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** The fault settings of one route class; the CLI prefixes their flags with the class. */
export const ROUTE_FAULT_OPTIONS = {
  errorRate: rate({
    default: 0,
    cli: { flag: 'error-rate', arg: '<0..1>', help: 'share of requests answered 500/502/503' },
  }),
  errorStatus: {
    kind: { type: 'status', statuses: [500, 502, 503], list: true },
    default: 500,
    cli: { flag: 'error-status', arg: '<s>', help: '500, 502 or 503, or a list like 500,503' },
  },
  rateLimitRate: rate({
    default: 0,
    cli: {
      flag: 'rate-limit-rate',
      arg: '<0..1>',
      help: 'share refused with 429 + Retry-After\n(storage: 503 SlowDown, as S3)',
    },
  }),
  // 429 for the APIs, 503 for storage (S3's SlowDown) unless set.
  rateLimitStatus: { kind: { type: 'status', statuses: [429, 503], list: false } },
  retryAfterSeconds: integer(0, 86_400, {
    default: 1,
    cli: { flag: 'retry-after', arg: '<s>', help: 'Retry-After seconds' },
  }),
  latencyMs: {
    kind: { type: 'latency', max: 600_000 },
    default: 0,
    cli: { flag: 'latency-ms', arg: '<ms>', help: 'delay per request, or a range like 50-200' },
  },
  resetAfterBytes: integer(0, MAX_SAFE, {
    cli: {
      flag: 'reset-after-bytes',
      arg: '<n>',
      help: 'reset the connection after n request-body bytes',
    },
  }),
  resetRate: rate({
    default: 1,
    cli: { flag: 'reset-rate', arg: '<0..1>', help: 'share of requests reset' },
  }),
  times: integer(0, MAX_SAFE, {
    cli: { flag: 'times', arg: '<n>', help: 'stop injecting after n faults' },
  }),
} as const satisfies Rows<RouteFaultSettings>;

const routeFaults = (routeClass: 'api' | 'storage') => ({
  rows: ROUTE_FAULT_OPTIONS,
  flagPrefix: { flag: routeClass, help: '<class>' },
});

export const FAULT_OPTIONS = {
  seed: integer(0, 2 ** 32 - 1, {
    default: 1,
    cli: { flag: 'seed', arg: '<n>', help: 'PRNG seed: same seed, same faults' },
  }),
  api: routeFaults('api'),
  storage: routeFaults('storage'),
  urlTtlSeconds: integer(1, MAX_PRESIGN_SECONDS, {
    cli: { flag: 'url-ttl', arg: '<s>', help: 'lifetime of presigned URLs, both APIs' },
  }),
} as const satisfies Rows<FaultSettings>;

/**
 * Every option of `startSandbox`, in one place: the defaults of `options.ts`, the checks of
 * `option-checks.ts` (startSandbox, the inspection API's faults, the CLI) and the CLI's flags and
 * `--help` all derive from it. The order of the rows is the order of `--help`.
 */
export const SANDBOX_OPTIONS = {
  port: integer(0, 65_535, {
    default: 0,
    cli: { flag: 'port', arg: '<n>', help: 'TCP port, 0 for a free one', default: 4510 },
  }),
  host: typed('string', {
    default: '127.0.0.1',
    cli: {
      flag: 'host',
      arg: '<addr>',
      help: 'interface to listen on',
      default: '127.0.0.1',
    },
  }),
  dataDir: typed('string', {
    cli: {
      flag: 'data-dir',
      arg: '<dir>',
      help: 'keep state and objects here across restarts\n(default: a temporary directory removed on exit)',
    },
  }),
  publicUrl: typed('url', {
    cli: {
      flag: 'public-url',
      arg: '<url>',
      help: 'origin clients use, if not http://<host>:<port>',
    },
  }),
  logRequests: boolean({
    default: false,
    cli: {
      flag: 'log-requests',
      help: 'log one line per request (never a query string)',
      default: false,
    },
  }),
  strict: boolean({
    default: false,
    cli: {
      flag: 'strict',
      help:
        "refuse Cadenya bodies the document's exact wire format refuses,\n" +
        'where the real service is lenient (unknown fields, proto field\n' +
        "names, int64 numbers, nulls); for testing a client's own output",
      default: false,
    },
  }),
  discardObjects: boolean({
    default: false,
    cli: {
      flag: 'discard-objects',
      help:
        'check storage PUTs as ever but keep no object bytes (benchmarks);\n' +
        'objects report size and ETag, no sha256',
      default: false,
    },
  }),
  scenario: { rows: SCENARIO_OPTIONS, section: 'Scenario' },
  cadenya: { rows: CADENYA_OPTIONS, section: 'Cadenya' },
  credentials: {
    rows: CREDENTIAL_OPTIONS,
    section: 'Credentials (dev defaults are printed at start)',
  },
  faults: {
    rows: FAULT_OPTIONS,
    section:
      'Faults (for <class> use "api" or "storage"; change at run time with POST /_sandbox/faults)',
  },
  requestLogLimit: integer(0, 10_000_000, { default: 10_000 }),
  logger: { kind: { type: 'logger' } },
  now: FUNCTION,
  sleep: FUNCTION,
} as const satisfies Rows<SandboxOptions>;

/** The options as one group: the root of the table. */
export const OPTIONS_TABLE: OptionGroup = { rows: SANDBOX_OPTIONS, section: 'Server' };

/**
 * Flags of the command line only, in the same form: `--quiet` (a logger setting) with the server's
 * flags, `--help` and `--version` last.
 */
export const CLI_ONLY_FLAGS = [
  { section: 'Server', cli: { flag: 'quiet', help: 'log warnings and errors only' } },
  { section: '', cli: { flag: 'help', short: 'h', help: 'print this help' } },
  { section: '', cli: { flag: 'version', help: 'print the version' } },
] as const satisfies readonly { readonly section: string; readonly cli: CliFlag }[];
