import { brandClass, brandSymbol, hasBrand } from './brand.js';
import { UpkitError } from './upkit-error.js';

const BRAND = brandSymbol('WaiterFailureError');

/** `waitFor` observed a terminal failure (`isFailure` held); the value is kept. */
export class WaiterFailureError<T = unknown> extends UpkitError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(this, WaiterFailureError, BRAND, value);
  }

  /** The value that `isFailure` accepted, e.g. an upload with `status: 'failed'`. */
  readonly value: T;
  readonly attempts: number;

  constructor(init: { value: T; attempts: number; message?: string }) {
    super(init.message ?? `Waiting failed: a terminal failure state was observed`);
    this.value = init.value;
    this.attempts = init.attempts;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), attempts: this.attempts };
  }
}
brandClass(WaiterFailureError, 'WaiterFailureError');
