import { describe, expect, it } from 'vitest';
import { RetryBudget } from './retry-budget.js';

describe('RetryBudget', () => {
  it('uses the AWS standard numbers by default', () => {
    const budget = new RetryBudget();
    expect([budget.capacity, budget.retryCost, budget.timeoutCost, budget.successRefund]).toEqual([
      500, 5, 10, 1,
    ]);
  });

  it('charges retries and timeouts until empty, then refuses without charging', () => {
    const budget = new RetryBudget({ capacity: 22 });
    expect(budget.acquire('timeout')).toBe(10);
    expect(budget.acquire('retry')).toBe(5);
    expect(budget.acquire('retry')).toBe(5);
    expect(budget.available).toBe(2);
    expect(budget.acquire('retry')).toBeUndefined();
    expect(budget.available).toBe(2);
  });

  it('refunds a success (the last retry cost, or 1) up to capacity', () => {
    const budget = new RetryBudget({ capacity: 20 });
    const cost = budget.acquire('timeout');
    budget.recordSuccess(cost);
    expect(budget.available).toBe(20);
    budget.acquire('retry');
    budget.recordSuccess();
    expect(budget.available).toBe(16);
    for (let i = 0; i < 10; i++) budget.recordSuccess();
    expect(budget.available).toBe(20);
  });

  it('is unlimited with an infinite capacity', () => {
    const budget = new RetryBudget({ capacity: Infinity });
    for (let i = 0; i < 1000; i++) expect(budget.acquire('timeout')).toBe(10);
  });
});
