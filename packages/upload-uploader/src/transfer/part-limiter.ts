import { ConcurrencyError } from '../errors/concurrency-error.js';

/**
 * A limit on parts in flight, shared by several uploads (a batch). A part holds a slot, and its
 * bytes, only while it is read and sent, so memory stays under `limit × partSize` across all of
 * them. Each upload's own `concurrency` still applies.
 */
export interface PartLimiter {
  readonly limit: number;
  /** Slots held now. */
  readonly active: number;
  /**
   * Waits for a free slot, and resolves to the function that frees it (calling it twice frees it
   * once). Rejects with the signal's reason if it aborts first.
   */
  acquire(signal?: AbortSignal): Promise<() => void>;
}

/**
 * A {@link PartLimiter} for `limit` parts at once, given first come, first served.
 * @throws ConcurrencyError when `limit` is not a whole number of at least 1.
 */
export function createPartLimiter(limit: number): PartLimiter {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new ConcurrencyError(limit);
  let active = 0;
  const waiting: (() => void)[] = [];

  const grant = (): (() => void) => {
    active++;
    let freed = false;
    return () => {
      if (freed) return;
      freed = true;
      active--;
      waiting.shift()?.();
    };
  };

  return {
    limit,
    get active() {
      return active;
    },
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (active < limit && waiting.length === 0) return Promise.resolve(grant());
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          const at = waiting.indexOf(wake);
          if (at >= 0) waiting.splice(at, 1);
          reject(signal!.reason);
        };
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(grant());
        };
        waiting.push(wake);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
