/** Options of a {@link RetryBudget}; the defaults are the AWS SDK's standard retry strategy. */
export interface RetryBudgetOptions {
  /** Tokens in a full bucket. `Infinity` disables the budget. @default 500 */
  capacity?: number;
  /** Tokens a retry after an error status or a connection error costs. @default 5 */
  retryCost?: number;
  /** Tokens a retry after a timeout costs (timeouts are a stronger sign of trouble). @default 10 */
  timeoutCost?: number;
  /** Tokens a success returns when it needed no retry. @default 1 */
  successRefund?: number;
}

/**
 * A shared allowance of retries (a token bucket, as the AWS SDK v3's standard retry strategy):
 * every retry takes tokens, every success gives some back. While a service is healthy the bucket
 * stays full; when it fails hard, a fleet of parallel requests (say, 200 multipart parts) drains the
 * bucket after 100 retries and further failures surface at once instead of multiplying the load.
 *
 * One budget per client instance by default; pass the same instance to several clients to share it.
 */
export class RetryBudget {
  declare readonly capacity: number;
  declare readonly retryCost: number;
  declare readonly timeoutCost: number;
  declare readonly successRefund: number;
  #available: number;

  constructor(options: RetryBudgetOptions = {}) {
    const { capacity = 500, retryCost = 5, timeoutCost = 10, successRefund = 1 } = options;
    Object.assign(this, { capacity, retryCost, timeoutCost, successRefund });
    this.#available = capacity;
  }

  /** Tokens left. */
  get available(): number {
    return this.#available;
  }

  /**
   * Takes the cost of one retry. Returns the cost taken, or undefined (and takes nothing) when the
   * bucket cannot pay: the caller must then not retry.
   */
  acquire(kind: 'retry' | 'timeout'): number | undefined {
    const cost = kind === 'timeout' ? this.timeoutCost : this.retryCost;
    if (this.#available < cost) return undefined;
    this.#available -= cost;
    return cost;
  }

  /**
   * Records a success. As in the AWS SDK, a call that succeeded after retrying gives back what its
   * last retry cost; one that succeeded at once gives back `successRefund`. Never above capacity.
   */
  recordSuccess(lastRetryCost = this.successRefund): void {
    this.#available = Math.min(this.capacity, this.#available + lastRetryCost);
  }
}
