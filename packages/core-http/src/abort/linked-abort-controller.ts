import { onAbort } from './on-abort.js';

/** Why a {@link LinkedAbortController} aborted. */
export type AbortCause = 'parent' | 'timeout';

/**
 * An AbortController that follows parent signals and an optional timer, and lets go of both when
 * disposed. `AbortSignal.any` would do the first part, but on Node 20 its followers are only
 * released by garbage collection, which leaks listeners on long-lived signals; this one removes its
 * listener the moment the call it serves settles.
 */
export class LinkedAbortController {
  readonly #controller = new AbortController();
  #unsubscribe: (() => void)[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #cause: AbortCause | undefined;

  constructor(parents: readonly (AbortSignal | undefined)[], timeoutMs?: number) {
    for (const parent of parents) {
      if (!parent) continue;
      this.#unsubscribe.push(onAbort(parent, () => this.#abort('parent', parent.reason)));
      if (this.#cause) return;
    }
    if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) {
      this.#timer = setTimeout(
        () => this.#abort('timeout', new DOMException('The operation timed out.', 'TimeoutError')),
        Math.max(0, timeoutMs),
      );
    }
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Set once aborted: a parent fired, or the timer ran out. */
  get cause(): AbortCause | undefined {
    return this.#cause;
  }

  /** Stops the timer but keeps following the parents (a streamed body outlives the timeout). */
  clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Stops following the parents and the timer. Idempotent. */
  dispose(): void {
    this.clearTimer();
    const unsubscribe = this.#unsubscribe;
    this.#unsubscribe = [];
    for (const stop of unsubscribe) stop();
  }

  #abort(cause: AbortCause, reason: unknown): void {
    if (this.#cause) return;
    this.#cause = cause;
    this.dispose();
    this.#controller.abort(reason);
  }
}
