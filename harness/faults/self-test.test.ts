/**
 * The proof that the suite can fail: the CLI runs against deliberately broken variants of the
 * reference, one fault each, and every fault must be caught by the clause named for it. The
 * conformant reference, in every mode, must pass. Together the faults make every MUST clause fail.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '#reports';
import { EXIT_CODE_OF_VERDICT } from '../cli/cli-errors.ts';
import { type CliRun, inBatches, runCli } from '../testing/run-cli.ts';
import { REFERENCE_FAULTS } from './catalogue.ts';

const MODES = {
  honor: [],
  'delayed cancel': ['--cancel-delay', '5000'],
  unimplemented: ['--cancel', 'unimplemented'],
  'complete-despite': ['--cancel', 'complete-despite'],
} as const;

const runs = new Map<string, CliRun>();

beforeAll(async () => {
  const jobs = [
    ...Object.entries(MODES).map(([mode, flags]) => [`mode ${mode}`, ['run', ...flags]] as const),
    ...REFERENCE_FAULTS.map(
      (fault) => [`fault ${fault.id}`, ['run', '--fault', fault.id]] as const,
    ),
  ];
  const done = await inBatches(
    jobs.map(
      ([, args]) =>
        () =>
          runCli(args),
    ),
    2,
  );
  jobs.forEach(([key], index) => {
    const run = done[index];
    if (run) runs.set(key, run);
  });
}, 300_000);

function resultsOf(key: string): RunResults {
  const run = runs.get(key);
  expect(run?.stderr, `${key} wrote to stderr`).toBe('');
  expect(run?.results, `${key} wrote no results.json`).toBeDefined();
  return run?.results as RunResults;
}

describe('the conformant reference', () => {
  it.for(Object.keys(MODES))('passes every clause it can check in %s mode, exit 0', (mode) => {
    const results = resultsOf(`mode ${mode}`);
    const bad = results.results.filter(
      (cell) => cell.outcome !== 'PASS' && cell.outcome !== 'NOT_APPLICABLE',
    );
    expect(
      bad.map((cell) => `${cell.service} ${cell.clause}: ${cell.outcome} ${cell.message ?? ''}`),
    ).toEqual([]);
    expect(runs.get(`mode ${mode}`)?.exitCode).toBe(0);
  });
});

describe('each injected fault', () => {
  it.for(REFERENCE_FAULTS.map((fault) => fault.id))(
    '%s is caught by the clauses named for it',
    (id) => {
      const fault = REFERENCE_FAULTS.find((candidate) => candidate.id === id);
      const results = resultsOf(`fault ${id}`);
      for (const expected of fault?.caughtBy ?? []) {
        const cells = results.results.filter(
          (cell) =>
            cell.clause === expected.clause && !cell.message?.startsWith('the clause applies to'),
        );
        expect(cells.length, `no cells for ${expected.clause}`).toBeGreaterThan(0);
        for (const cell of cells) {
          expect(`${cell.service} ${cell.clause}: ${cell.outcome}`).toBe(
            `${cell.service} ${cell.clause}: ${expected.outcome}`,
          );
          if (expected.outcome === 'FAIL') expect(cell.evidence?.length).toBeGreaterThan(0);
        }
      }
      expect(runs.get(`fault ${id}`)?.exitCode).toBe(EXIT_CODE_OF_VERDICT[results.summary.verdict]);
    },
  );
});

describe('the fault catalogue', () => {
  it('makes every MUST clause FAIL at least once', () => {
    const mustClauses = resultsOf('mode honor')
      .clauses.filter((clause) => clause.strength === 'MUST')
      .map((clause) => clause.id);
    const failed = new Set(
      REFERENCE_FAULTS.flatMap((fault) =>
        fault.caughtBy.filter((c) => c.outcome === 'FAIL').map((c) => c.clause),
      ),
    );
    expect(mustClauses.filter((id) => !failed.has(id))).toEqual([]);
    expect(REFERENCE_FAULTS.length).toBeGreaterThanOrEqual(12);
  });
});

describe('docs/SELF-TEST.md', () => {
  it('documents every fault', () => {
    const doc = readFileSync(new URL('../../docs/SELF-TEST.md', import.meta.url), 'utf8');
    expect(
      REFERENCE_FAULTS.filter((fault) => !doc.includes(`\`${fault.id}\``)).map((f) => f.id),
    ).toEqual([]);
  });
});
