import { describe, expect, it } from 'vitest';
import { isLroError } from '#base';
import {
  ConformanceFailure,
  fail,
  inconclusive,
  isConformanceFailure,
  isOutcomeSignal,
  notApplicable,
  OutcomeSignal,
} from './outcome-signal.ts';

describe('OutcomeSignal', () => {
  it.for(['NOT_APPLICABLE', 'INCONCLUSIVE'] as const)(
    'carries the %s outcome and the reason',
    (outcome) => {
      const signal = new OutcomeSignal(outcome, 'because');
      expect(signal).toBeInstanceOf(Error);
      expect(signal).toMatchObject({ name: 'OutcomeSignal', outcome, message: 'because' });
      expect(isOutcomeSignal(signal)).toBe(true);
      expect(isLroError(signal)).toBe(false);
    },
  );

  it.for([
    ['a ConformanceFailure', new ConformanceFailure('x')],
    ['a plain Error', new Error('x')],
    ['an Error named OutcomeSignal', Object.assign(new Error('x'), { name: 'OutcomeSignal' })],
    ['a string', 'OutcomeSignal'],
    ['undefined', undefined],
  ] as const)('isOutcomeSignal refuses %s', ([, value]) => {
    expect(isOutcomeSignal(value)).toBe(false);
  });
});

describe('ConformanceFailure', () => {
  it('is an Error named ConformanceFailure, neither a signal nor a harness fault', () => {
    const failure = new ConformanceFailure('broken', { rootCause: 'cancel-refused-400' });
    expect(failure).toBeInstanceOf(Error);
    expect(failure).toMatchObject({
      name: 'ConformanceFailure',
      message: 'broken',
      rootCause: 'cancel-refused-400',
    });
    expect(isConformanceFailure(failure)).toBe(true);
    expect(isOutcomeSignal(failure)).toBe(false);
    expect(isLroError(failure)).toBe(false);
  });
});

describe('the outcome signals a suite gives', () => {
  const thrown = (signal: () => never): unknown => {
    try {
      signal();
    } catch (error) {
      return error;
    }
    throw new Error('expected a throw');
  };

  it.for([
    ['notApplicable', notApplicable, 'NOT_APPLICABLE'],
    ['inconclusive', inconclusive, 'INCONCLUSIVE'],
  ] as const)('%s throws an OutcomeSignal %s with the reason', ([, signal, outcome]) => {
    const error = thrown(() => signal('the reason'));
    expect(error).toBeInstanceOf(OutcomeSignal);
    expect(error).toMatchObject({ outcome, message: 'the reason' });
  });

  it('fail throws a ConformanceFailure with the message and root cause', () => {
    const error = thrown(() => fail('broken', { rootCause: 'fixture' }));
    expect(error).toBeInstanceOf(ConformanceFailure);
    expect(error).toMatchObject({ message: 'broken', rootCause: 'fixture' });
  });
});
