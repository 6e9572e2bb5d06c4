import { describe, expect, it } from 'vitest';
import { nextRetry, type FailedAttempt, type RetryPolicy } from './next-retry.js';
import { RetryBudget } from './retry-budget.js';

const NOW = 1_000_000;
const policy = (budget = new RetryBudget()): RetryPolicy => ({
  maxRetries: 2,
  initialRetryDelayMs: 500,
  maxRetryDelayMs: 8000,
  retryBudget: budget,
});
const failed = (over: Partial<FailedAttempt> = {}): FailedAttempt => ({
  attempt: 1,
  trigger: { kind: 'status', status: 503, headers: new Headers() },
  repeatable: true,
  replayable: true,
  now: NOW,
  random: () => 0.5,
  ...over,
});

describe('nextRetry', () => {
  it('retries after jittered exponential backoff, taking the cost from the budget', () => {
    const budget = new RetryBudget({ capacity: 100 });
    expect(nextRetry(failed(), policy(budget))).toEqual({ delayMs: 250, cost: 5 });
    expect(nextRetry(failed({ attempt: 2 }), policy(budget))).toEqual({ delayMs: 500, cost: 5 });
    expect(budget.available).toBe(90);
  });

  it('waits as long as the server asked, when it asked', () => {
    expect(nextRetry(failed({ retryAfterMs: 1234 }), policy())).toMatchObject({ delayMs: 1234 });
    expect(nextRetry(failed({ retryAfterMs: 0 }), policy())).toMatchObject({ delayMs: 0 });
  });

  it('charges timeouts and stalls more', () => {
    const budget = new RetryBudget({ capacity: 100 });
    expect(nextRetry(failed({ trigger: { kind: 'timeout' } }), policy(budget))).toMatchObject({
      cost: 10,
    });
    expect(nextRetry(failed({ trigger: { kind: 'stall' } }), policy(budget))).toMatchObject({
      cost: 10,
    });
    expect(nextRetry(failed({ trigger: { kind: 'connection' } }), policy(budget))).toMatchObject({
      cost: 5,
    });
  });

  it('stops, for one reason each, in order', () => {
    const stop = (over: Partial<FailedAttempt>, p = policy()) => nextRetry(failed(over), p);
    const notFound = { kind: 'status', status: 404, headers: new Headers() } as const;
    expect(stop({ trigger: notFound })).toEqual({ stop: true, reason: 'not-retryable' });
    expect(stop({ repeatable: false })).toEqual({ stop: true, reason: 'not-retryable' });
    expect(stop({ replayable: false, attempt: 9 })).toEqual({
      stop: true,
      reason: 'not-retryable',
    });
    expect(stop({ attempt: 3 })).toEqual({ stop: true, reason: 'attempts-exhausted' });
    expect(stop({ retryAfterMs: 30_000 })).toEqual({
      stop: true,
      reason: 'retry-after-too-long',
      delayMs: 30_000,
    });
    expect(stop({ deadlineAt: NOW + 250 })).toEqual({
      stop: true,
      reason: 'deadline',
      delayMs: 250,
    });
    expect(stop({}, policy(new RetryBudget({ capacity: 4 })))).toEqual({
      stop: true,
      reason: 'budget-exhausted',
    });
  });

  it('takes nothing from the budget when it stops', () => {
    const budget = new RetryBudget({ capacity: 100 });
    nextRetry(failed({ attempt: 3 }), policy(budget));
    nextRetry(failed({ deadlineAt: NOW }), policy(budget));
    expect(budget.available).toBe(100);
  });

  it('lets the server override the method rules with x-should-retry', () => {
    const headers = new Headers({ 'x-should-retry': 'true' });
    const trigger = { kind: 'status', status: 400, headers } as const;
    expect(nextRetry(failed({ trigger, repeatable: false }), policy())).toMatchObject({
      delayMs: 250,
    });
  });
});
