import { describe, expect, it } from 'vitest';
import { isLroError } from '#base';
import {
  collectCells,
  collectClauses,
  outcomeOf,
  type ReportedCase,
  uniqueClauses,
} from './collect-results.ts';
import type { ClauseInfo, Outcome } from './results-model.ts';
import type { ConformanceTaskMeta } from './task-meta.ts';

const CLAUSE: ClauseInfo = {
  id: 'cancel/x',
  title: 'X happens',
  strength: 'MUST',
  quote: 'X must happen.',
  sources: [{ kind: 'seed', ref: '000_411f9bd8a748dab2.txt' }],
  services: 'all',
  requires: 'control',
  method: 'Reads X back.',
  meanings: { FAIL: 'X did not happen.' },
};

function meta(extra: Partial<ConformanceTaskMeta> = {}): ConformanceTaskMeta {
  return { clause: CLAUSE, service: 'checks', ...extra };
}

function reported(extra: Partial<ReportedCase>): ReportedCase {
  return { meta: meta(), state: 'passed', errors: [], ...extra };
}

describe('collectCells', () => {
  it.for<[string, Partial<ReportedCase>, Outcome, string | undefined]>([
    ['a passed test is PASS', { state: 'passed' }, 'PASS', undefined],
    [
      'a failed test without the harness’s judgement is ERROR, with the first error message',
      { state: 'failed', errors: [{ name: 'AssertionError', message: 'a' }, { message: 'b' }] },
      'ERROR',
      'a',
    ],
    [
      'a TypeError thrown by a suite is ERROR, never FAIL',
      { state: 'failed', errors: [{ name: 'TypeError', message: 'x is undefined' }] },
      'ERROR',
      'x is undefined',
    ],
    [
      'a test vitest abandoned at its timeout is ERROR',
      { state: 'failed', errors: [{ name: 'Error', message: 'Test timed out in 60000ms.' }] },
      'ERROR',
      'Test timed out in 60000ms.',
    ],
    [
      'a skipped test is SKIPPED with its note',
      { state: 'skipped', skipNote: 'why' },
      'SKIPPED',
      'why',
    ],
    ['a pending test is SKIPPED', { state: 'pending' }, 'SKIPPED', undefined],
    [
      'the harness outcome overrides a skip, and its message the note',
      {
        state: 'skipped',
        skipNote: 'note',
        meta: meta({ outcome: 'NOT_APPLICABLE', message: 'no wait method' }),
      },
      'NOT_APPLICABLE',
      'no wait method',
    ],
    [
      'the harness outcome overrides a pass',
      { state: 'passed', meta: meta({ outcome: 'INCONCLUSIVE' }) },
      'INCONCLUSIVE',
      undefined,
    ],
    [
      'the harness outcome overrides a HarnessError',
      {
        state: 'failed',
        errors: [{ name: 'HarnessError', message: 'e' }],
        meta: meta({ outcome: 'FAIL', message: 'status 500' }),
      },
      'FAIL',
      'status 500',
    ],
    [
      'the harness ERROR overrides a plain failure; the error message stays',
      { state: 'failed', errors: [{ message: 'fetch failed' }], meta: meta({ outcome: 'ERROR' }) },
      'ERROR',
      'fetch failed',
    ],
  ])('%s', ([, input, outcome, message]) => {
    const [cell] = collectCells([reported(input)]);
    expect(cell?.outcome).toBe(outcome);
    expect(outcomeOf(reported(input))).toBe(outcome);
    expect(cell?.message).toBe(message);
  });

  it('copies service, clause, strength, warnings, evidence and duration from the case', () => {
    const evidence = [{ request: { method: 'GET', url: 'u', headers: {} }, curl: 'curl u' }];
    const [cell] = collectCells([
      reported({ meta: meta({ warnings: ['w'], evidence }), durationMs: 7 }),
    ]);
    expect(cell).toEqual({
      service: 'checks',
      clause: 'cancel/x',
      outcome: 'PASS',
      strength: 'MUST',
      warnings: ['w'],
      evidence,
      durationMs: 7,
    });
  });

  it('ignores cases without meta.lro', () => {
    expect(collectCells([reported({ meta: undefined, state: 'failed' })])).toEqual([]);
  });

  it('merges cases of one service and clause into one cell with the most telling outcome', () => {
    const cells = collectCells([
      reported({ state: 'passed', durationMs: 1, meta: meta({ warnings: ['a'] }) }),
      reported({
        state: 'failed',
        errors: [{ message: 'bad' }],
        durationMs: 2,
        meta: meta({ outcome: 'FAIL' }),
      }),
      reported({ state: 'skipped', meta: meta({ warnings: ['a', 'b'] }) }),
      reported({ state: 'passed', meta: { ...meta(), service: 'dai' } }),
    ]);
    expect(cells).toEqual([
      {
        service: 'checks',
        clause: 'cancel/x',
        outcome: 'FAIL',
        strength: 'MUST',
        message: 'bad',
        warnings: ['a', 'b'],
        durationMs: 3,
      },
      { service: 'dai', clause: 'cancel/x', outcome: 'PASS', strength: 'MUST' },
    ]);
  });

  it.for<[Outcome[], Outcome]>([
    [['PASS', 'NOT_APPLICABLE', 'SKIPPED'], 'PASS'],
    [['PASS', 'INCONCLUSIVE'], 'INCONCLUSIVE'],
    [['INCONCLUSIVE', 'ERROR', 'PASS'], 'ERROR'],
    [['ERROR', 'FAIL'], 'FAIL'],
    [['SKIPPED', 'NOT_APPLICABLE'], 'NOT_APPLICABLE'],
  ])('merges %j into %s', ([outcomes, merged]) => {
    const cells = collectCells(outcomes.map((outcome) => reported({ meta: meta({ outcome }) })));
    expect(cells.map((cell) => cell.outcome)).toEqual([merged]);
  });
});

describe('collectClauses', () => {
  it('returns each clause once, sorted by id', () => {
    const other = { ...CLAUSE, id: 'cancel/a' };
    const clauses = collectClauses([
      reported({}),
      reported({ meta: { clause: other, service: 'dai' } }),
      reported({ meta: { ...meta(), service: 'dai' } }),
      reported({ meta: undefined }),
    ]);
    expect(clauses.map((clause) => clause.id)).toEqual(['cancel/a', 'cancel/x']);
  });

  it('sorts by code unit, whatever the locale', () => {
    const ids = ['get/b', 'cancel/Z', 'cancel/a'].map((id) => ({ ...CLAUSE, id }));
    expect(uniqueClauses(ids).map((clause) => clause.id)).toEqual([
      'cancel/Z',
      'cancel/a',
      'get/b',
    ]);
  });

  it('throws a DATA error when two different clauses share an id', () => {
    const copy = { ...CLAUSE, title: 'Copied and edited' };
    let thrown: unknown;
    try {
      collectClauses([reported({}), reported({ meta: { clause: copy, service: 'dai' } })]);
    } catch (error) {
      thrown = error;
    }
    expect(isLroError(thrown) && thrown.code === 'DATA').toBe(true);
    expect(String(thrown)).toContain('"cancel/x"');
  });
});
