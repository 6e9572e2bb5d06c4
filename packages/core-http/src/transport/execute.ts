import type { WithResponse } from '../api-promise.js';
import type { ResolvedConfig } from '../config/resolve-config.js';
import type { UpkitError } from '../errors/upkit-error.js';
import type { LogLevel } from '../logging/logger.js';
import { attachRequestId } from '../response/attach-request-id.js';
import { requestIdFromHeaders } from '../response/request-id.js';
import { nextRetry, type RetryDecision, type RetryStopReason } from '../retry/next-retry.js';
import { CallContext } from './call-context.js';
import type { CallPlan } from './call-plan.js';
import { runAttempt, type SuccessHandler } from './run-attempt.js';

/** Why a call stopped retrying, for its log line, and how loud that line is. */
const STOPS: Record<RetryStopReason, [Exclude<LogLevel, 'off'>, string]> = {
  'not-retryable': ['debug', 'not retryable'],
  'attempts-exhausted': ['info', 'no retries left'],
  'retry-after-too-long': ['info', 'the server asked to wait longer than maxRetryDelayMs'],
  deadline: ['info', 'the retry would end past the deadline'],
  'budget-exhausted': ['warn', 'the retry budget is exhausted'],
};

/**
 * Runs a planned call: attempts until one succeeds or {@link nextRetry} says to stop, waiting (on
 * the client's `sleep`) between them. Each outcome of a failed attempt is logged in one line.
 */
export async function execute<T>(
  cfg: ResolvedConfig,
  plan: CallPlan,
  onSuccess: SuccessHandler<T>,
): Promise<WithResponse<T>> {
  const call = new CallContext(cfg, plan);
  try {
    for (let attempt = 1; ; attempt++) {
      const outcome = await runAttempt(call, attempt, onSuccess);
      if ('data' in outcome) {
        cfg.retryBudget.recordSuccess(call.lastRetryCost);
        const { data, response } = outcome;
        const requestId = requestIdFromHeaders(response.headers);
        return { data: attachRequestId(data, requestId), response, requestId };
      }
      const { error } = outcome;
      const decision = nextRetry(
        { ...outcome, ...plan, attempt, deadlineAt: call.deadlineAt, now: cfg.now() },
        call.policy,
      );
      logDecision(call, decision, attempt, error);
      if (decision.stop) throw error;
      call.lastRetryCost = decision.cost;
      await call.pause(decision.delayMs);
    }
  } finally {
    call.dispose();
  }
}

function logDecision(
  call: CallContext,
  decision: RetryDecision,
  attempt: number,
  error: UpkitError,
) {
  const { method, maxAttempts } = call.plan;
  const where = `${method} ${call.url()}`;
  if (!decision.stop) {
    const next = `attempt ${attempt + 1}/${maxAttempts}`;
    call.log(
      'info',
      `Retrying ${where} in ${decision.delayMs} ms (${next}) after: ${error.message}`,
    );
  } else {
    const [level, why] = STOPS[decision.reason];
    const wait = decision.delayMs === undefined ? '' : ` (${decision.delayMs} ms)`;
    call.log(level, `Not retrying ${where}: ${why}${wait}: ${error.message}`);
  }
}
