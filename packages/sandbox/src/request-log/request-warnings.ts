import type { Context } from 'hono';
import type { SandboxEnv } from '../hono-env.js';
import type { SandboxLogger } from '../logger.js';

/** Distinct warning texts remembered for logging once; beyond them, nothing more is logged. */
const REMEMBERED = 1000;

/**
 * What the sandbox let pass in a request that the document's exact wire format refuses (a
 * protojson leniency of the real service). Each warning goes onto the request's log entry
 * (`GET /_sandbox/requests`), and each distinct text is logged once per sandbox.
 */
export class RequestWarnings {
  private readonly logged = new Set<string>();

  constructor(private readonly logger: SandboxLogger) {}

  /** Adds warnings to the request's log entry, and logs the ones not logged before. */
  record(c: Context<SandboxEnv>, warnings: readonly string[]): void {
    if (warnings.length === 0) return;
    c.set('warnings', [...(c.get('warnings') ?? []), ...warnings]);
    for (const warning of warnings) {
      if (this.logged.has(warning) || this.logged.size >= REMEMBERED) continue;
      this.logged.add(warning);
      this.logger.warn(
        `${c.req.method} ${c.req.path}: accepted as the real service would, ${warning} ` +
          '(logged once; the strict option refuses it)',
      );
      if (this.logged.size === REMEMBERED) {
        this.logger.warn(`${REMEMBERED} distinct leniency warnings logged; no more will be`);
      }
    }
  }
}
