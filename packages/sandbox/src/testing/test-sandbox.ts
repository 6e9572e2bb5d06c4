import type { SandboxLogger } from '../logger.js';
import type { SandboxOptions } from '../options.js';
import { startSandbox } from '../sandbox.js';
import type { Sandbox } from '../sandbox.js';

/**
 * A clock tests move forward instead of waiting. Its `sleep` (the sandbox's, for latency faults)
 * only ends when `advance` moves the clock past it: real time never ends one.
 */
export class TestClock {
  private offset = 0;
  private sleepers: { readonly due: number; readonly resolve: () => void }[] = [];
  private watchers: { readonly count: number; readonly resolve: () => void }[] = [];
  /** Every delay asked of `sleep`, in order. */
  readonly sleeps: number[] = [];

  readonly now = (): number => Date.now() + this.offset;

  readonly sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.sleeps.push(ms);
      this.sleepers.push({ due: this.offset + ms, resolve });
      this.watchers = this.watchers.filter((watcher) => {
        if (this.sleeps.length < watcher.count) return true;
        watcher.resolve();
        return false;
      });
    });

  /** Sleeps not over yet. */
  get sleeping(): number {
    return this.sleepers.length;
  }

  /** Resolves once `count` sleeps have been asked for, in all. */
  whenSlept(count: number): Promise<void> {
    if (this.sleeps.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.watchers.push({ count, resolve }));
  }

  advance(ms: number): void {
    this.offset += ms;
    const due = this.sleepers.filter((sleeper) => sleeper.due <= this.offset);
    this.sleepers = this.sleepers.filter((sleeper) => sleeper.due > this.offset);
    for (const sleeper of due) sleeper.resolve();
  }
}

/** A logger that keeps every line, so tests can look for (and at) what was logged. */
export interface CapturingLogger extends SandboxLogger {
  readonly lines: { readonly level: 'info' | 'warn' | 'error'; readonly message: string }[];
  text(): string;
}

export function capturingLogger(): CapturingLogger {
  const lines: CapturingLogger['lines'] = [];
  return {
    lines,
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
    text: () => lines.map((line) => `${line.level}: ${line.message}`).join('\n'),
  };
}

export interface TestSandbox {
  readonly sandbox: Sandbox;
  readonly clock: TestClock;
  readonly logger: CapturingLogger;
}

/** Starts a sandbox on 127.0.0.1, a free port, with the {@link testOptions}. */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const clock = new TestClock();
  const logger = capturingLogger();
  const sandbox = await startSandbox({
    host: '127.0.0.1',
    port: 0,
    ...testOptions(clock, logger, options),
  });
  return { sandbox, clock, logger };
}

/**
 * The options of every test sandbox, in-process or listening: the movable clock (latency faults
 * wait for it too), the capturing logger with a line per request, small parts, no lifecycle delays
 * and strict request reading (the exact wire format), unless `options` say otherwise.
 */
export function testOptions(
  clock: TestClock,
  logger: CapturingLogger,
  options: SandboxOptions,
): SandboxOptions {
  return {
    now: clock.now,
    sleep: clock.sleep,
    logger,
    logRequests: true,
    strict: true,
    ...options,
    scenario: { minPartSize: 16, validatingDelayMs: 0, importDelayMs: 0, ...options.scenario },
  };
}
