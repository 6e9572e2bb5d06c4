import { brand } from './brand.js';
import { UpkitError } from './upkit-error.js';

/** `waitFor` observed a terminal failure (`isFailure` held); the value is kept. */
export class WaiterFailureError<T = unknown> extends UpkitError {
  /** The value that `isFailure` accepted, e.g. an upload with `status: 'failed'`. */
  declare readonly value: T;
  declare readonly attempts: number;

  constructor(init: { value: T; attempts: number; message?: string }) {
    super(init.message ?? `Waiting failed: a terminal failure state was observed`);
    this.value = init.value;
    this.attempts = init.attempts;
  }
}
brand(WaiterFailureError, 'WaiterFailureError');
