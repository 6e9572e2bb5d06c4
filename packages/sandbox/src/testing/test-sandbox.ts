import type { SandboxLogger } from '../logger.js';
import type { SandboxOptions } from '../options.js';
import { startSandbox } from '../sandbox.js';
import type { Sandbox } from '../sandbox.js';

/** A clock tests move forward instead of waiting. */
export class TestClock {
  private offset = 0;
  readonly now = (): number => Date.now() + this.offset;
  advance(ms: number): void {
    this.offset += ms;
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

/**
 * Starts a sandbox on 127.0.0.1, a free port, with a movable clock, a capturing logger, small
 * parts and no lifecycle delays unless the options say otherwise.
 */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const clock = new TestClock();
  const logger = capturingLogger();
  const sandbox = await startSandbox({
    host: '127.0.0.1',
    port: 0,
    now: clock.now,
    logger,
    logRequests: true,
    ...options,
    scenario: { minPartSize: 16, validatingDelayMs: 0, importDelayMs: 0, ...options.scenario },
  });
  return { sandbox, clock, logger };
}
