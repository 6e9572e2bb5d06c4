import { brand } from './brand.js';
import { UpkitError } from './upkit-error.js';

/**
 * `waitFor` reached its deadline before `isSuccess` held. Carries the last value observed, so the
 * caller can tell "still validating" from "never started".
 */
export class WaiterTimeoutError<T = unknown> extends UpkitError {
  /** The last value `poll` returned; undefined if no poll completed. */
  declare readonly lastValue: T | undefined;
  declare readonly attempts: number;
  declare readonly timeoutMs: number;

  constructor(init: { lastValue: T | undefined; attempts: number; timeoutMs: number }) {
    super(`Gave up waiting after ${init.timeoutMs} ms (${init.attempts} polls)`);
    Object.assign(this, init);
  }
}
brand(WaiterTimeoutError, 'WaiterTimeoutError');
