import { describe, expect, it } from 'vitest';
import { isLroError } from '#base';
import { createRequestBudget } from './request-budget.ts';

function counter() {
  let calls = 0;
  return {
    fetch: async () => {
      calls += 1;
      return new Response();
    },
    calls: () => calls,
  };
}

const request = () => new Request('https://checks.googleapis.com/v1alpha/x');

describe('createRequestBudget', () => {
  it('counts requests per service and prints them', async () => {
    const budget = createRequestBudget();
    const checks = budget.wrap(counter().fetch, 'checks');
    const dai = budget.wrap(counter().fetch, 'dai');
    await checks(request());
    await checks(request());
    await dai(request());
    expect(budget.counts()).toEqual({ checks: 2, dai: 1 });
    expect(budget.summary()).toBe('requests sent: checks 2, dai 1');
  });

  it('refuses to send past the cap with a HarnessError, so the cell is ERROR', async () => {
    const budget = createRequestBudget({ cap: 2 });
    const target = counter();
    const checks = budget.wrap(target.fetch, 'checks');
    await checks(request());
    await checks(request());
    const error = await checks(request()).catch((caught: unknown) => caught);
    expect(isLroError(error) && error.code).toBe('REQUEST_BUDGET');
    expect((error as Error).message).toMatch(/^checks: the request budget of 2 requests is spent/);
    expect(target.calls()).toBe(2);
    expect(budget.count('checks')).toBe(2);
    expect(budget.refused()).toEqual({ checks: 1 });
    expect(budget.summary()).toBe('requests sent: checks 2 (1 refused) (cap 2 per service)');
  });

  it('caps each service on its own', async () => {
    const budget = createRequestBudget({ cap: 1 });
    await budget.wrap(counter().fetch, 'checks')(request());
    await expect(budget.wrap(counter().fetch, 'dai')(request())).resolves.toBeInstanceOf(Response);
  });

  it('says when nothing was sent', () => {
    expect(createRequestBudget().summary()).toBe('requests sent: none');
  });

  it.for([0, -1, 1.5, Number.NaN])('refuses the cap %s', (cap) => {
    expect(() => createRequestBudget({ cap })).toThrow(RangeError);
  });
});
