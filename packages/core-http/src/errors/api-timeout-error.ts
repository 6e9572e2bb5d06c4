import { APIConnectionError } from './api-connection-error.js';
import { brand } from './brand.js';

/**
 * A time limit ran out. A subclass of {@link APIConnectionError} (as in openai-node and other
 * Stainless SDKs): a timeout is one way of getting no answer, so code that handles network trouble
 * handles it too. `kind` tells which limit:
 * - `attempt`: the per-attempt `timeoutMs`; retried like a connection error.
 * - `deadline`: the call's total `deadlineMs`; never retried (the budget is spent).
 */
export class APITimeoutError extends APIConnectionError {
  declare readonly kind: 'attempt' | 'deadline';
  declare readonly timeoutMs: number;

  constructor(init: {
    method: string;
    url: string;
    kind: 'attempt' | 'deadline';
    timeoutMs: number;
  }) {
    const what = init.kind === 'attempt' ? 'request timed out' : 'deadline exceeded';
    super({ ...init, message: `${what} after ${init.timeoutMs} ms` });
    this.kind = init.kind;
    this.timeoutMs = init.timeoutMs;
  }
}
brand(APITimeoutError, 'APITimeoutError');
