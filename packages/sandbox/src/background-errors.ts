import type { SandboxContext } from './sandbox-context.js';

/** Errors kept for `GET /_sandbox/stats`; older ones are dropped (a full disk fails every write). */
export const MAX_BACKGROUND_ERRORS = 1000;

/**
 * Reports a failure of background work, which has no request to answer: it is logged and kept in
 * `ctx.backgroundErrors`, for the inspection API.
 */
export function reportBackgroundError(
  ctx: Pick<SandboxContext, 'backgroundErrors' | 'logger'>,
  what: string,
  error: unknown,
): void {
  const detail = error instanceof Error ? error.message : String(error);
  ctx.backgroundErrors.push(`${what}: ${detail}`);
  if (ctx.backgroundErrors.length > MAX_BACKGROUND_ERRORS) {
    ctx.backgroundErrors.splice(0, ctx.backgroundErrors.length - MAX_BACKGROUND_ERRORS);
  }
  ctx.logger.error(`${what} failed: ${detail}`);
}

/**
 * Writes the state without making anyone wait for it (a change noticed on a read); a failed write
 * is reported, never swallowed.
 */
export function persistInBackground(
  ctx: Pick<SandboxContext, 'backgroundErrors' | 'logger' | 'store'>,
  what: string,
): void {
  ctx.store.persist().catch((error: unknown) => reportBackgroundError(ctx, what, error));
}
