// Test support: what the process reported while some code ran.

/**
 * Collects what the process emits as `event` (`warning`, `unhandledRejection`) while `run` runs,
 * and until the next turn of the event loop: warnings are emitted on process.nextTick and unhandled
 * rejections reported once the microtask queue drains, so a setImmediate delivers them all,
 * whatever the machine's load.
 */
export async function processEventsDuring(
  event: 'warning' | 'unhandledRejection',
  run: () => Promise<void>,
): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (value: unknown) => seen.push(value);
  process.on(event, listener);
  try {
    await run();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off(event, listener);
  }
  return seen;
}
