/** Waits `ms` milliseconds of the sandbox's time: latency faults go through it. */
export type Sleep = (ms: number) => Promise<void>;

/** The default: a real timer. */
export const timerSleep: Sleep = (ms) =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
