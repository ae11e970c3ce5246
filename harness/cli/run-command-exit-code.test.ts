/** The verdict-to-exit-code rule of docs/INTERPRETING.md, on hand-built cells. */
import { describe, expect, it } from 'vitest';
import {
  EXIT_CONFORMANT,
  EXIT_HARNESS,
  EXIT_INTERRUPTED,
  EXIT_NOT_CONFORMANT,
  EXIT_NOT_VERIFIED,
} from '#base';
import {
  type CellResult,
  EXIT_CODE_OF_VERDICT,
  type FailOn,
  judge,
  type Outcome,
  type Strength,
} from '#reports';

function cells(...spec: readonly [Strength, Outcome][]): CellResult[] {
  return spec.map(([strength, outcome], index) => ({
    service: 'checks',
    clause: `c/${index}`,
    strength,
    outcome,
  }));
}

function exitCode(
  results: CellResult[],
  options: { failOn?: FailOn[]; problems?: string[]; interrupted?: boolean } = {},
): number {
  return EXIT_CODE_OF_VERDICT[judge({ results, failOn: options.failOn ?? [], ...options }).verdict];
}

describe('the exit code of a run', () => {
  it.for([
    ['a failing MUST cell', cells(['MUST', 'FAIL']), EXIT_NOT_CONFORMANT],
    [
      'a failing MUST cell next to harness errors and inconclusive cells',
      cells(['MUST', 'FAIL'], ['MUST', 'ERROR'], ['MUST', 'INCONCLUSIVE']),
      EXIT_NOT_CONFORMANT,
    ],
    ['a MUST cell in ERROR', cells(['MUST', 'PASS'], ['MUST', 'ERROR']), EXIT_HARNESS],
    [
      'a MUST cell INCONCLUSIVE (a stubbed cancel), nothing failing',
      cells(['MUST', 'PASS'], ['MUST', 'INCONCLUSIVE']),
      EXIT_NOT_VERIFIED,
    ],
    ['every cell passing', cells(['MUST', 'PASS'], ['SHOULD', 'PASS']), EXIT_CONFORMANT],
    [
      'SHOULD and observed failures, errors and inconclusive cells beside a MUST pass',
      cells(
        ['MUST', 'PASS'],
        ['SHOULD', 'FAIL'],
        ['SHOULD', 'ERROR'],
        ['SHOULD', 'INCONCLUSIVE'],
        ['observed', 'FAIL'],
      ),
      EXIT_CONFORMANT,
    ],
    [
      'not applicable and skipped MUST cells beside a MUST pass',
      cells(['MUST', 'PASS'], ['MUST', 'NOT_APPLICABLE'], ['MUST', 'SKIPPED']),
      EXIT_CONFORMANT,
    ],
    // A run that passed no MUST cell verified nothing (the probes of `--control none`, `--live`).
    [
      'not applicable and skipped MUST cells only',
      cells(['MUST', 'NOT_APPLICABLE'], ['MUST', 'SKIPPED'], ['SHOULD', 'PASS']),
      EXIT_NOT_VERIFIED,
    ],
    [
      'SHOULD and observed cells only',
      cells(['SHOULD', 'FAIL'], ['observed', 'ERROR']),
      EXIT_NOT_VERIFIED,
    ],
    ['an empty run', cells(), EXIT_NOT_VERIFIED],
  ] as const)('%s -> exit %i', ([, run, code]) => {
    expect(exitCode([...run])).toBe(code);
  });

  it.for([
    ['should', cells(['MUST', 'PASS'], ['SHOULD', 'FAIL']), EXIT_NOT_CONFORMANT],
    ['inconclusive', cells(['MUST', 'PASS'], ['SHOULD', 'INCONCLUSIVE']), EXIT_NOT_VERIFIED],
    ['error', cells(['MUST', 'PASS'], ['observed', 'ERROR']), EXIT_HARNESS],
  ] as const)('--fail-on %s makes CI stricter -> exit %i', ([failOn, run, code]) => {
    expect(exitCode([...run])).toBe(EXIT_CONFORMANT);
    expect(exitCode([...run], { failOn: [failOn] })).toBe(code);
  });

  it('a suite file that could not run is a harness error, and an interrupt outranks all', () => {
    expect(exitCode(cells(['MUST', 'PASS']), { problems: ['suites/x could not run'] })).toBe(
      EXIT_HARNESS,
    );
    expect(exitCode(cells(['MUST', 'FAIL']), { interrupted: true })).toBe(EXIT_INTERRUPTED);
  });

  it('uses the documented numbers', () => {
    expect([
      EXIT_CONFORMANT,
      EXIT_NOT_CONFORMANT,
      EXIT_HARNESS,
      EXIT_NOT_VERIFIED,
      EXIT_INTERRUPTED,
    ]).toEqual([0, 1, 3, 4, 130]);
  });
});
