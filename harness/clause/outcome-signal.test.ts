import { describe, expect, it } from 'vitest';
import { isHarnessError } from '#base';
import {
  ConformanceFailure,
  isConformanceFailure,
  isOutcomeSignal,
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
      expect(isHarnessError(signal)).toBe(false);
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
    expect(isHarnessError(failure)).toBe(false);
  });
});
