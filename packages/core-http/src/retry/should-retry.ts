/**
 * What went wrong with an attempt, as far as retrying is concerned: an error status (with its
 * headers), a connection error, a per-attempt timeout, or a stalled transfer (an uploader's part
 * that stopped moving, counted as a timeout).
 */
export type RetryTrigger =
  | { readonly kind: 'status'; readonly status: number; readonly headers: Headers }
  | { readonly kind: 'connection' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'stall' };

/** 408 Request Timeout, 409 Conflict (lock contention), 429 Too Many Requests, and any 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Whether an attempt may be repeated (the retry count, delay and budget are checked elsewhere).
 *
 * - A body that cannot be replayed (a ReadableStream) is never sent twice.
 * - A server's `x-should-retry: true|false` wins over every other rule: the server knows whether the
 *   request had an effect, so it may even allow retrying a POST.
 * - Otherwise only requests that are safe to repeat (`repeatable`: an idempotent method, an
 *   idempotent operation, an idempotency key, or the caller's opt-in) are retried, on a retryable
 *   status, a connection error, a per-attempt timeout or a stall.
 */
export function shouldRetry(
  trigger: RetryTrigger,
  request: { readonly repeatable: boolean; readonly replayable: boolean },
): boolean {
  if (!request.replayable) return false;
  if (trigger.kind === 'status') {
    const directive = trigger.headers.get('x-should-retry')?.trim().toLowerCase();
    if (directive === 'true') return true;
    if (directive === 'false') return false;
    return request.repeatable && isRetryableStatus(trigger.status);
  }
  return request.repeatable;
}
