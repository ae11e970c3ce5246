/** The verdict-to-exit-code rule of docs/INTERPRETING.md, on hand-built results. */
import { describe, expect, it } from 'vitest';
import { type Outcome, RESULTS_SCHEMA_VERSION, type RunResults } from '#reports';
import { EXIT_CONFORMANT, EXIT_MUST_FAILED, EXIT_UNREACHABLE } from './cli-errors.ts';
import { exitCodeOf } from './run-command.ts';

function results(counts: Partial<Record<Outcome, number>>, mustFailures: number): RunResults {
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    tool: { name: 'lro-conformance', version: '0.0.0' },
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
    target: { kind: 'mock' },
    services: ['checks'],
    clauses: [],
    results: [],
    summary: {
      counts: {
        PASS: 0,
        FAIL: 0,
        NOT_APPLICABLE: 0,
        INCONCLUSIVE: 0,
        ERROR: 0,
        SKIPPED: 0,
        ...counts,
      },
      mustFailures,
    },
  };
}

describe('exitCodeOf', () => {
  it.for([
    ['a failing MUST clause', results({ FAIL: 1 }, 1), EXIT_MUST_FAILED],
    [
      'a failing MUST clause next to harness errors',
      results({ FAIL: 2, ERROR: 3 }, 2),
      EXIT_MUST_FAILED,
    ],
    ['harness errors only', results({ PASS: 4, ERROR: 1 }, 0), EXIT_UNREACHABLE],
    ['harness errors and SHOULD failures', results({ FAIL: 2, ERROR: 1 }, 0), EXIT_UNREACHABLE],
    ['every clause passing', results({ PASS: 10 }, 0), EXIT_CONFORMANT],
    ['SHOULD or observed failures only', results({ PASS: 3, FAIL: 2 }, 0), EXIT_CONFORMANT],
    [
      'not applicable, inconclusive and skipped cells',
      results({ NOT_APPLICABLE: 1, INCONCLUSIVE: 1, SKIPPED: 1 }, 0),
      EXIT_CONFORMANT,
    ],
    ['an empty run', results({}, 0), EXIT_CONFORMANT],
  ] as const)('%s -> exit %i', ([, run, code]) => {
    expect(exitCodeOf(run)).toBe(code);
  });

  it('uses the documented numbers', () => {
    expect([EXIT_CONFORMANT, EXIT_MUST_FAILED, EXIT_UNREACHABLE]).toEqual([0, 1, 3]);
  });
});
