/**
 * Promises that resolve once a condition holds, checked whenever `check()` is called (by whatever
 * changes the state: a request that arrives, a write, a clock that moves). No polling, no timer.
 */
export function conditions() {
  const waiting = new Set<() => void>();
  return {
    /** Re-checks every condition waited on. */
    check(): void {
      for (const test of [...waiting]) test();
    },
    /** Resolves once `predicate` holds (at once if it already does). */
    until(predicate: () => boolean): Promise<void> {
      return new Promise<void>((resolve) => {
        const test = () => {
          if (!predicate()) return;
          waiting.delete(test);
          resolve();
        };
        waiting.add(test);
        test();
      });
    },
  };
}
