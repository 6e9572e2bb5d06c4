import type { FaultErrorStatus, FaultSettings, RouteFaultSettings } from './fault-settings.js';
import { FAULT_OPTIONS, ROUTE_FAULT_OPTIONS as ROUTE } from '../options-table.js';
import { mulberry32 } from './mulberry32.js';

/** The route classes faults apply to. */
export type FaultRouteClass = 'api' | 'storage';

/** What to do to one request. */
export type FaultAction =
  | { readonly kind: 'error'; readonly status: FaultErrorStatus }
  | { readonly kind: 'rateLimit'; readonly status: 429 | 503; readonly retryAfterSeconds: number }
  | { readonly kind: 'reset'; readonly afterBytes: number };

export interface FaultDecision {
  readonly latencyMs: number;
  readonly action: FaultAction | undefined;
}

const NONE: FaultDecision = { latencyMs: 0, action: undefined };

// Each class draws from its own stream, so API traffic does not shift storage faults.
const SALT: Record<FaultRouteClass, number> = { api: 0x9e3779b9, storage: 0x85ebca6b };

/**
 * Decides, request by request, which faults to inject. The decisions depend only on the seed and
 * on the order of requests within a route class, so a test that repeats its requests gets the
 * same faults.
 */
export class FaultInjector {
  private settings: FaultSettings = {};
  private readonly random = new Map<FaultRouteClass, () => number>();
  private readonly injected = new Map<FaultRouteClass, number>();

  constructor(settings: FaultSettings = {}) {
    this.configure(settings);
  }

  /** Replaces every setting and restarts the seeded sequences and the `times` counters. */
  configure(settings: FaultSettings): void {
    this.settings = settings;
    const seed = settings.seed ?? FAULT_OPTIONS.seed.default;
    for (const routeClass of ['api', 'storage'] as const) {
      this.random.set(routeClass, mulberry32((seed ^ SALT[routeClass]) >>> 0));
      this.injected.set(routeClass, 0);
    }
  }

  current(): FaultSettings {
    return this.settings;
  }

  /** Presigned URL lifetime override, if set. */
  urlTtlSeconds(): number | undefined {
    return this.settings.urlTtlSeconds;
  }

  decide(routeClass: FaultRouteClass): FaultDecision {
    const route: RouteFaultSettings | undefined = this.settings[routeClass];
    if (!route) return NONE;
    const next = this.random.get(routeClass)!;
    let latencyMs = 0;
    if (Array.isArray(route.latencyMs)) {
      const [min, max] = route.latencyMs as readonly [number, number];
      latencyMs = min + next() * (max - min);
    } else if (typeof route.latencyMs === 'number') {
      latencyMs = route.latencyMs;
    }
    const count = this.injected.get(routeClass)!;
    if (route.times !== undefined && count >= route.times) return { latencyMs, action: undefined };
    const action = this.pickAction(route, routeClass, next);
    if (action) this.injected.set(routeClass, count + 1);
    return { latencyMs, action };
  }

  private pickAction(
    route: RouteFaultSettings,
    routeClass: FaultRouteClass,
    next: () => number,
  ): FaultAction | undefined {
    if (
      route.resetAfterBytes !== undefined &&
      next() < (route.resetRate ?? ROUTE.resetRate.default)
    ) {
      return { kind: 'reset', afterBytes: route.resetAfterBytes };
    }
    if ((route.rateLimitRate ?? 0) > 0 && next() < route.rateLimitRate!) {
      return {
        kind: 'rateLimit',
        status: route.rateLimitStatus ?? (routeClass === 'storage' ? 503 : 429),
        retryAfterSeconds: route.retryAfterSeconds ?? ROUTE.retryAfterSeconds.default,
      };
    }
    if ((route.errorRate ?? 0) > 0 && next() < route.errorRate!) {
      const statuses = Array.isArray(route.errorStatus)
        ? (route.errorStatus as readonly FaultErrorStatus[])
        : [(route.errorStatus as FaultErrorStatus | undefined) ?? ROUTE.errorStatus.default];
      const status =
        statuses.length > 1 ? statuses[Math.floor(next() * statuses.length)]! : statuses[0]!;
      return { kind: 'error', status };
    }
    return undefined;
  }
}
