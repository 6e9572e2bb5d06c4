import { brandClass, brandSymbol, hasBrand } from './brand.js';
import { UpkitError } from './upkit-error.js';

const BRAND = brandSymbol('WaiterTimeoutError');

/**
 * `waitFor` reached its deadline before `isSuccess` held. Carries the last value observed, so the
 * caller can tell "still validating" from "never started".
 */
export class WaiterTimeoutError<T = unknown> extends UpkitError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(this, WaiterTimeoutError, BRAND, value);
  }

  /** The last value `poll` returned; undefined if no poll completed. */
  readonly lastValue: T | undefined;
  readonly attempts: number;
  readonly timeoutMs: number;

  constructor(init: { lastValue: T | undefined; attempts: number; timeoutMs: number }) {
    super(`Gave up waiting after ${init.timeoutMs} ms (${init.attempts} polls)`);
    this.lastValue = init.lastValue;
    this.attempts = init.attempts;
    this.timeoutMs = init.timeoutMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), attempts: this.attempts, timeoutMs: this.timeoutMs };
  }
}
brandClass(WaiterTimeoutError, 'WaiterTimeoutError');
