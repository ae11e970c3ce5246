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
    expect(cellCounts(cell(strength, outcome), { failOn })).toBe(counts);
  });

  it('does not count a failure an expectations file records as met', () => {
    const expected = cell('MUST', 'FAIL', {
      expectation: { outcome: 'FAIL', reason: 'known', status: 'met' },
    });
    expect(cellCounts(expected, { failOn: [] })).toBe(false);
  });
});

describe('judge', () => {
  it('ranks failing over harness errors over not verified', () => {
    const all = [cell('MUST', 'INCONCLUSIVE'), cell('MUST', 'ERROR'), cell('MUST', 'FAIL')];
    expect(judge({ results: all, failOn: [] }).verdict).toBe('not-conformant');
    expect(judge({ results: all.slice(0, 2), failOn: [] }).verdict).toBe('harness-error');
    expect(judge({ results: all.slice(0, 1), failOn: [] }).verdict).toBe('not-verified');
    expect(judge({ results: [cell('MUST', 'PASS')], failOn: [] }).verdict).toBe('conformant');
  });

  // What `--control none`, `--live` without --operation and their replays give: only SHOULD and
  // observed probes can run. Such a run used to end "conformant", exit 0, against a server that
  // failed every probe, reset every connection, or answered 503 forever.
  it.for<[string, CellResult[]]>([
    ['nothing at all', []],
    ['every MUST cell SKIPPED', [cell('MUST', 'SKIPPED'), cell('SHOULD', 'PASS')]],
    ['SHOULD probes failing', [cell('MUST', 'SKIPPED'), cell('SHOULD', 'FAIL')]],
    ['every cell ERROR but MUST ones SKIPPED', [cell('MUST', 'SKIPPED'), cell('SHOULD', 'ERROR')]],
    ['MUST cells N/A only', [cell('MUST', 'NOT_APPLICABLE'), cell('observed', 'PASS')]],
  ])('is not verified when no MUST cell passed: %s', ([, results]) => {
    const judgement = judge({ results, failOn: [] });
    expect(judgement.verdict).toBe('not-verified');
    expect(judgement.passed).toEqual([]);
  });

  it('judges a --probes-only run on its probes: SHOULD cells count like MUST ones', () => {
    const probes = (outcome: Outcome) => [cell('SHOULD', 'PASS'), cell('SHOULD', outcome)];
    const probesOnly = (results: CellResult[]) =>
      judge({ results, failOn: [], probesOnly: true }).verdict;
    expect(probesOnly(probes('PASS'))).toBe('conformant');
    expect(probesOnly(probes('NOT_APPLICABLE'))).toBe('conformant');
    expect(probesOnly(probes('FAIL'))).toBe('not-conformant');
    expect(probesOnly(probes('ERROR'))).toBe('harness-error');
    expect(probesOnly(probes('INCONCLUSIVE'))).toBe('not-verified');
    // Still: a run in which nothing passed is not a pass, and observed cells are never scored.
    expect(probesOnly([cell('SHOULD', 'ERROR'), cell('SHOULD', 'ERROR')])).toBe('harness-error');
    expect(probesOnly([cell('SHOULD', 'SKIPPED'), cell('observed', 'PASS')])).toBe('not-verified');
    expect(probesOnly([cell('SHOULD', 'PASS'), cell('observed', 'FAIL')])).toBe('conformant');
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
