import { APIConnectionError } from '@upkit/core-http';
import { brandError } from '@upkit/core-http/internal';

/**
 * No byte of a part moved, and no answer came, for `stallTimeoutMs`: the attempt was cut and is
 * retried like a dropped connection (which is what a stall usually is).
 */
export class PartStallError extends APIConnectionError {
  declare readonly stallTimeoutMs: number;

  constructor(init: { url: string; stallTimeoutMs: number }) {
    super({
      method: 'PUT',
      url: init.url,
      message: `stalled: nothing moved for ${init.stallTimeoutMs} ms`,
    });
    this.stallTimeoutMs = init.stallTimeoutMs;
  }
}
brandError(PartStallError, 'PartStallError');
