/** The exit policy as a table: which outcome of which strength counts, under which --fail-on. */
import { describe, expect, it } from 'vitest';
import type { CellResult, FailOn, Outcome, Strength } from './results-model.ts';
import { cellCounts, judge } from './verdict.ts';

const cell = (
  strength: Strength,
  outcome: Outcome,
  extra: Partial<CellResult> = {},
): CellResult => ({
  service: 'checks',
  clause: 'cancel/x',
  strength,
  outcome,
  ...extra,
});

describe('cellCounts', () => {
  it.for<[Strength, Outcome, FailOn[], boolean]>([
    ['MUST', 'FAIL', [], true],
    ['MUST', 'ERROR', [], true],
    ['MUST', 'INCONCLUSIVE', [], true],
    ['MUST', 'PASS', [], false],
    ['MUST', 'NOT_APPLICABLE', [], false],
    ['MUST', 'SKIPPED', [], false],
    ['SHOULD', 'FAIL', [], false],
    ['SHOULD', 'FAIL', ['should'], true],
    ['SHOULD', 'INCONCLUSIVE', [], false],
    ['SHOULD', 'INCONCLUSIVE', ['inconclusive'], true],
    ['SHOULD', 'ERROR', ['error'], true],
    ['observed', 'FAIL', ['should', 'inconclusive', 'error'], false],
    ['observed', 'ERROR', ['error'], true],
  ])('%s %s with --fail-on %j counts: %s', ([strength, outcome, failOn, counts]) => {
    expect(cellCounts(cell(strength, outcome), failOn)).toBe(counts);
  });

  it('does not count a failure an expectations file records as met', () => {
    const expected = cell('MUST', 'FAIL', {
      expectation: { outcome: 'FAIL', reason: 'known', status: 'met' },
    });
    expect(cellCounts(expected, [])).toBe(false);
  });
});

describe('judge', () => {
  it('ranks failing over harness errors over not verified', () => {
    const all = [cell('MUST', 'INCONCLUSIVE'), cell('MUST', 'ERROR'), cell('MUST', 'FAIL')];
    expect(judge({ results: all, failOn: [] }).verdict).toBe('not-conformant');
    expect(judge({ results: all.slice(0, 2), failOn: [] }).verdict).toBe('harness-error');
    expect(judge({ results: all.slice(0, 1), failOn: [] }).verdict).toBe('not-verified');
    expect(judge({ results: [], failOn: [] }).verdict).toBe('conformant');
  });

  it('lists the cells behind the verdict', () => {
    const judgement = judge({
      results: [cell('MUST', 'FAIL'), cell('SHOULD', 'FAIL')],
      failOn: [],
    });
    expect(judgement.failing).toHaveLength(1);
    expect(judgement.errors).toEqual([]);
  });
});
