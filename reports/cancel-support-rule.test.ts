import { describe, expect, it } from 'vitest';
import { applyCancelSupportRule } from './cancel-support-rule.ts';
import type { CellResult } from './results-model.ts';

const cell = (clause: string, extra: Partial<CellResult>): CellResult => ({
  service: 'checks',
  clause,
  strength: 'MUST',
  outcome: 'PASS',
  ...extra,
});

describe('applyCancelSupportRule', () => {
  it('fails every 501 cell of a service that accepted another cancel in the run', () => {
    const cells = applyCancelSupportRule([
      cell('cancel/a', { cancelSupport: 'supported' }),
      cell('cancel/b', { outcome: 'NOT_APPLICABLE', cancelSupport: 'unsupported', message: 'n/a' }),
      cell('errors/c', { cancelSupport: 'unsupported' }),
      {
        ...cell('cancel/d', { cancelSupport: 'unsupported', outcome: 'NOT_APPLICABLE' }),
        service: 'dai',
      },
    ]);
    expect(cells.map((c) => `${c.service} ${c.clause} ${c.outcome}`)).toEqual([
      'checks cancel/a PASS',
      'checks cancel/b FAIL',
      'checks errors/c FAIL',
      'dai cancel/d NOT_APPLICABLE',
    ]);
    expect(cells[1]?.message).toMatch(
      /501 UNIMPLEMENTED here, but checks accepted the cancels of cancel\/a/,
    );
    expect(cells[1]?.rootCause).toBe('cancel-support-inconsistent');
  });

  it('leaves a service that answered 501 to every cancel alone', () => {
    const cells = [
      cell('cancel/a', { outcome: 'NOT_APPLICABLE', cancelSupport: 'unsupported' }),
      cell('cancel/b', { outcome: 'NOT_APPLICABLE', cancelSupport: 'unsupported' }),
    ];
    expect(applyCancelSupportRule(cells)).toEqual(cells);
  });

  it('keeps a verdict that already says more (FAIL, ERROR, INCONCLUSIVE)', () => {
    const cells = [
      cell('cancel/a', { cancelSupport: 'supported' }),
      cell('cancel/b', { outcome: 'ERROR', cancelSupport: 'unsupported' }),
    ];
    expect(applyCancelSupportRule(cells)[1]?.outcome).toBe('ERROR');
  });
});
