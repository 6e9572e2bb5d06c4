import { onAbort } from './on-abort.js';

/** Why a {@link LinkedAbortController} aborted. */
export type AbortCause = 'parent' | 'timeout';

/**
 * An AbortController that follows a parent signal and an optional timer, and lets go of both when
 * disposed. `AbortSignal.any` would do the first part, but on Node 20 its followers are only
 * released by garbage collection, which leaks listeners on long-lived signals; this one removes its
 * listener the moment the call it serves settles.
 */
export class LinkedAbortController extends AbortController {
  /** Set once aborted: the parent fired, or the timer ran out. */
  declare cause: AbortCause | undefined;
  #unsubscribe: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(parent?: AbortSignal, timeoutMs = Infinity) {
    super();
    this.#unsubscribe = parent && onAbort(parent, () => this.#stop('parent', parent.reason));
    if (!this.cause && timeoutMs < Infinity) {
      this.#timer = setTimeout(
        () => this.#stop('timeout', new DOMException('The operation timed out.', 'TimeoutError')),
        // Timers take at most 2^31-1 ms (~24.8 days); a longer delay would fire at once.
        Math.min(timeoutMs, 2 ** 31 - 1),
      );
    }
  }

  /** Stops the timer but keeps following the parent (a streamed body outlives the timeout). */
  clearTimer(): void {
    clearTimeout(this.#timer);
  }

  /** Stops following the parent and the timer. Idempotent. */
  dispose(): void {
    this.clearTimer();
    this.#unsubscribe?.();
  }

  #stop(cause: AbortCause, reason: unknown): void {
    if (this.cause) return;
    this.cause = cause;
    this.dispose();
    this.abort(reason);
  }
}
