/**
 * Runs callbacks at clock times and forgets them all on close. Timers are unref'd: a pending
 * transition never keeps the process alive; what it would do is also done on the next read.
 */
export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly now: () => number) {}

  at(timeMs: number, callback: () => void): void {
    if (this.closed) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        callback();
      },
      Math.max(0, timeMs - this.now()),
    );
    timer.unref();
    this.timers.add(timer);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
