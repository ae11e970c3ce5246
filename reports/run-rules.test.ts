/** The run-wide rules: what each changes, with its evidence, and the one step that applies them. */
import { describe, expect, it } from 'vitest';
import { buildRunResults } from './build-run-results.ts';
import type { Expectation } from './expectations.ts';
import { sampleResults } from './fixtures/sample-results.ts';
import type { CellResult } from './results-model.ts';
import { applyRunRules, CANCEL_SUPPORT_RULE, expectationsRule, runRules } from './run-rules.ts';

const cell = (clause: string, extra: Partial<CellResult>): CellResult => ({
  service: 'checks',
  clause,
  strength: 'MUST',
  outcome: 'PASS',
  ...extra,
});

const applyCancelSupportRule = (cells: readonly CellResult[]) =>
  applyRunRules(cells, [CANCEL_SUPPORT_RULE]).cells;

describe('the cancel-support rule', () => {
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
    expect(cells[1]?.message).toBe(
      'cancel answered 501 UNIMPLEMENTED here, but checks accepted the cancels of cancel/a in the same run: whether cancel is supported is a property of the service ("If the server doesn\'t support this method, it returns google.rpc.Code.UNIMPLEMENTED")',
    );
    expect(cells[1]?.rootCause).toBe('cancel-support-inconsistent');
  });

  it('names the cells whose accepted cancels made it fire', () => {
    const { changes } = applyRunRules(
      [
        cell('cancel/a', { cancelSupport: 'supported' }),
        cell('cancel/e', { cancelSupport: 'supported' }),
        cell('cancel/b', { outcome: 'NOT_APPLICABLE', cancelSupport: 'unsupported' }),
      ],
      [CANCEL_SUPPORT_RULE],
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      rule: 'cancel-support-is-one-fact-per-service',
      before: { clause: 'cancel/b', outcome: 'NOT_APPLICABLE' },
      after: { clause: 'cancel/b', outcome: 'FAIL' },
      evidence: {
        cells: [
          { service: 'checks', clause: 'cancel/a' },
          { service: 'checks', clause: 'cancel/e' },
        ],
      },
    });
    expect(changes[0]?.after.message).toContain(
      'the cancels of cancel/a, cancel/e in the same run',
    );
  });

  it('leaves a service that answered 501 to every cancel alone', () => {
    const cells = [
      cell('cancel/a', { outcome: 'NOT_APPLICABLE', cancelSupport: 'unsupported' }),
      cell('cancel/b', { outcome: 'NOT_APPLICABLE', cancelSupport: 'unsupported' }),
    ];
    expect(applyRunRules(cells, [CANCEL_SUPPORT_RULE])).toEqual({ cells, changes: [] });
  });

  it('keeps an outcome that already says more (FAIL, ERROR, INCONCLUSIVE)', () => {
    const cells = [
      cell('cancel/a', { cancelSupport: 'supported' }),
      cell('cancel/b', { outcome: 'ERROR', cancelSupport: 'unsupported' }),
    ];
    expect(applyCancelSupportRule(cells)[1]?.outcome).toBe('ERROR');
  });
});

describe('the expectations rule', () => {
  const expected: Expectation = {
    service: 'checks',
    clause: 'cancel/b',
    outcome: 'FAIL',
    reason: 'known',
  };

  it('marks the cell it lists, naming the entry, and never changes an outcome', () => {
    const { cells, changes } = applyRunRules(
      [cell('cancel/a', {}), cell('cancel/b', { outcome: 'FAIL' })],
      [expectationsRule([expected], '2026-12-02')],
    );
    expect(cells.map((c) => [c.clause, c.outcome, c.expectation?.status])).toEqual([
      ['cancel/a', 'PASS', undefined],
      ['cancel/b', 'FAIL', 'met'],
    ]);
    expect(changes).toEqual([
      {
        rule: 'expected-outcomes',
        before: cell('cancel/b', { outcome: 'FAIL' }),
        after: cells[1],
        evidence: { cells: [{ service: 'checks', clause: 'cancel/b' }], expectation: expected },
      },
    ]);
  });

  it('judges the outcome the cancel-support rule left', () => {
    const rules = runRules({ expectations: { entries: [expected], today: '2026-12-02' } });
    expect(rules.map((rule) => rule.id)).toEqual([
      'cancel-support-is-one-fact-per-service',
      'expected-outcomes',
    ]);
    const { cells } = applyRunRules(
      [
        cell('cancel/a', { cancelSupport: 'supported' }),
        cell('cancel/b', { outcome: 'NOT_APPLICABLE', cancelSupport: 'unsupported' }),
      ],
      rules,
    );
    expect(cells[1]).toMatchObject({ outcome: 'FAIL', expectation: { status: 'met' } });
  });
});

describe('buildRunResults applies the run rules', () => {
  it('marks cells with the expectations it is given and judges the verdict with them', () => {
    const sample = sampleResults();
    const failing = sample.results.find((c) => c.outcome === 'FAIL' && c.strength === 'MUST');
    if (failing === undefined) throw new Error('the sample has no MUST FAIL');
    const { service, clause } = failing;
    const built = buildRunResults({
      cells: sample.results,
      clauses: sample.clauses,
      services: sample.services,
      target: sample.target,
      startedAt: new Date(sample.startedAt),
      durationMs: sample.durationMs,
      toolVersion: sample.tool.version,
      settings: sample.settings,
      expectations: {
        entries: [{ service, clause, outcome: 'FAIL', reason: 'known' }],
        today: '2026-12-02',
      },
    });
    const marked = built.results.filter((c) => c.expectation !== undefined);
    expect(marked.map((c) => [c.service, c.clause, c.expectation?.status])).toEqual([
      [service, clause, 'met'],
    ]);
    expect(built.summary.verdict).not.toBe('not-conformant');
  });
});
