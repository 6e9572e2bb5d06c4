import { parseArgs } from 'node:util';
import { SandboxConfigError } from '../errors/sandbox-config-error.js';
import { parseFaultSettings } from '../faults/fault-settings.js';
import type { FaultSettings, RouteFaultSettings } from '../faults/fault-settings.js';
import type { SandboxOptions } from '../options.js';
import { CLI_INTEGER_OPTIONS } from '../options-table.js';

/** The port the CLI listens on without `--port`. */
export const DEFAULT_CLI_PORT = 4510;

export const USAGE = `Usage: upkit-sandbox [options]

A local emulator of the Scenario and Cadenya upload APIs and their object storage.

Server
  --port <n>                   TCP port, 0 for a free one (default ${DEFAULT_CLI_PORT})
  --host <addr>                interface to listen on (default 127.0.0.1)
  --data-dir <dir>             keep state and objects here across restarts
                               (default: a temporary directory removed on exit)
  --public-url <url>           origin clients use, if not http://<host>:<port>
  --log-requests               log one line per request (never a query string)
  --strict                     refuse Cadenya bodies the document's exact wire format refuses,
                               where the real service is lenient (unknown fields, proto field
                               names, int64 numbers, nulls); for testing a client's own output
  --quiet                      log warnings and errors only

Scenario
${CLI_INTEGER_OPTIONS.filter((option) => option.group === 'scenario')
  .map(
    ({ cli, default: value }) =>
      `  ${`--${cli.flag} ${cli.arg}`.padEnd(29)}${cli.help} (default ${value})\n`,
  )
  .join('')}
Credentials (dev defaults are printed at start)
  --scenario-api-key <k>  --scenario-api-secret <s>  --scenario-bearer-token <t>
  --cadenya-api-key <k>   --cadenya-workspace-id <id>

Faults (for <class> use "api" or "storage"; change at run time with POST /_sandbox/faults)
  --seed <n>                   PRNG seed: same seed, same faults (default 1)
  --<class>-error-rate <0..1>  share of requests answered 500/502/503
  --<class>-error-status <s>   500, 502 or 503, or a list like 500,503 (default 500)
  --<class>-rate-limit-rate <0..1>
                               share refused with 429 (storage: 503 SlowDown) + Retry-After
  --<class>-retry-after <s>    Retry-After seconds (default 1)
  --<class>-latency-ms <ms>    delay per request, or a range like 50-200
  --<class>-reset-after-bytes <n>
                               reset the connection after n request-body bytes
  --<class>-reset-rate <0..1>  share of requests reset (default 1)
  --<class>-times <n>          stop injecting after n faults
  --url-ttl <s>                lifetime of presigned URLs, both APIs

  --help                       print this help
  --version                    print the version
`;

/** What the command line asks for. */
export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'start'; readonly options: SandboxOptions; readonly quiet: boolean };

const ROUTE_FLAGS = [
  'error-rate',
  'error-status',
  'rate-limit-rate',
  'retry-after',
  'latency-ms',
  'reset-after-bytes',
  'reset-rate',
  'times',
] as const;

const stringFlags = [
  'port',
  'host',
  'data-dir',
  'public-url',
  ...CLI_INTEGER_OPTIONS.map((option) => option.cli.flag),
  'scenario-api-key',
  'scenario-api-secret',
  'scenario-bearer-token',
  'cadenya-api-key',
  'cadenya-workspace-id',
  'seed',
  'url-ttl',
  ...ROUTE_FLAGS.map((flag) => `api-${flag}`),
  ...ROUTE_FLAGS.map((flag) => `storage-${flag}`),
];

function toNumber(flag: string, text: string): number {
  if (!/^-?\d+(\.\d+)?$/.test(text))
    throw new SandboxConfigError(`--${flag} needs a number, got "${text}"`);
  return Number(text);
}

function routeFaults(
  values: Record<string, unknown>,
  prefix: 'api' | 'storage',
): RouteFaultSettings | undefined {
  const get = (flag: (typeof ROUTE_FLAGS)[number]) =>
    values[`${prefix}-${flag}`] as string | undefined;
  const out: Record<string, unknown> = {};
  const num = (flag: (typeof ROUTE_FLAGS)[number], key: string) => {
    const text = get(flag);
    if (text !== undefined) out[key] = toNumber(`${prefix}-${flag}`, text);
  };
  num('error-rate', 'errorRate');
  num('rate-limit-rate', 'rateLimitRate');
  num('retry-after', 'retryAfterSeconds');
  num('reset-after-bytes', 'resetAfterBytes');
  num('reset-rate', 'resetRate');
  num('times', 'times');
  const status = get('error-status');
  if (status !== undefined) {
    const list = status.split(',').map((s) => toNumber(`${prefix}-error-status`, s.trim()));
    out['errorStatus'] = list.length === 1 ? list[0] : list;
  }
  const latency = get('latency-ms');
  if (latency !== undefined) {
    const range = /^(\d+)-(\d+)$/.exec(latency);
    out['latencyMs'] = range
      ? [Number(range[1]), Number(range[2])]
      : toNumber(`${prefix}-latency-ms`, latency);
  }
  return Object.keys(out).length > 0 ? (out as RouteFaultSettings) : undefined;
}

/**
 * Reads the command line.
 * @throws SandboxConfigError for unknown flags or bad values
 */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        ...Object.fromEntries(stringFlags.map((flag) => [flag, { type: 'string' as const }])),
        'log-requests': { type: 'boolean' },
        strict: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new SandboxConfigError((error as Error).message);
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v['help']) return { kind: 'help' };
  if (v['version']) return { kind: 'version' };
  const str = (flag: string) => v[flag] as string | undefined;
  const int = (flag: string) => {
    const text = str(flag);
    return text === undefined ? undefined : toNumber(flag, text);
  };

  const faults: Record<string, unknown> = {};
  if (str('seed') !== undefined) faults['seed'] = int('seed');
  if (str('url-ttl') !== undefined) faults['urlTtlSeconds'] = int('url-ttl');
  const api = routeFaults(v, 'api');
  const storage = routeFaults(v, 'storage');
  if (api) faults['api'] = api;
  if (storage) faults['storage'] = storage;
  // Same checks as the inspection API, so a bad flag fails at start with its name.
  const faultSettings: FaultSettings = parseFaultSettings(faults);

  const scenarioCredentials = Object.fromEntries(
    [
      ['apiKey', str('scenario-api-key')],
      ['apiSecret', str('scenario-api-secret')],
      ['bearerToken', str('scenario-bearer-token')],
    ].filter(([, value]) => value !== undefined),
  );
  const cadenyaCredentials = Object.fromEntries(
    [
      ['apiKey', str('cadenya-api-key')],
      ['workspaceId', str('cadenya-workspace-id')],
    ].filter(([, value]) => value !== undefined),
  );
  const scenario = Object.fromEntries(
    CLI_INTEGER_OPTIONS.filter((option) => option.group === 'scenario')
      .map((option) => [option.key, int(option.cli.flag)])
      .filter(([, value]) => value !== undefined),
  );

  const options: SandboxOptions = {
    port: int('port') ?? DEFAULT_CLI_PORT,
    host: str('host') ?? '127.0.0.1',
    ...(str('data-dir') !== undefined ? { dataDir: str('data-dir') } : {}),
    ...(str('public-url') !== undefined ? { publicUrl: str('public-url') } : {}),
    credentials: { scenario: scenarioCredentials, cadenya: cadenyaCredentials },
    scenario,
    faults: faultSettings,
    logRequests: v['log-requests'] === true,
    strict: v['strict'] === true,
  };
  return { kind: 'start', options, quiet: v['quiet'] === true };
}
