/** Behaviour drift between two results documents, on hand-built runs (the CLI test uses real ones). */
import { describe, expect, it } from 'vitest';
import { buildRunResults } from './build-run-results.ts';
import { diffResults, type ResultsChange } from './diff-results.ts';
import { CELLS, CLAUSES, SETTINGS, sampleResults } from './fixtures/sample-results.ts';
import type { CellResult, Exchange, RunResults } from './results-model.ts';

const CANCEL = 'cancel/cancelled-operation-has-error-code-1';
const EMPTY_BODY = 'cancel/empty-body-is-accepted';

function probe(status: number, errorStatus: string, message = 'nope'): Exchange {
  return {
    request: { method: 'GET', url: 'https://x.invalid/v1/operations/o', headers: {} },
    response: {
      status,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: { code: status, status: errorStatus, message } }),
    },
    curl: "curl 'https://x.invalid/v1/operations/o'",
  };
}

/** The sample with the cell at (service, clause) replaced by `change(cell)`. */
function withCell(
  service: string,
  clause: string,
  change: (cell: CellResult) => CellResult | undefined,
  cells: readonly CellResult[] = CELLS,
): RunResults {
  return sampleResults(
    cells.flatMap((cell) =>
      cell.service === service && cell.clause === clause ? (change(cell) ?? []) : [cell],
    ),
  );
}

const kinds = (changes: readonly ResultsChange[]) =>
  changes.map((c) => [c.kind, c.level, c.service, c.clause, c.before, c.after]);

describe('diffResults', () => {
  it('finds nothing between a run and itself, whatever its dates, messages and durations', () => {
    const later = {
      ...sampleResults(CELLS.map((cell) => ({ ...cell, message: 'other words', durationMs: 99 }))),
      startedAt: '2027-01-01T00:00:00.000Z',
      durationMs: 1,
    };
    expect(diffResults(sampleResults(), later).changes).toEqual([]);
  });

  it('calls an outcome change breaking when the cell now counts against the run', () => {
    const diff = diffResults(
      sampleResults(),
      withCell('adsdatahub', CANCEL, (cell) => ({ ...cell, outcome: 'FAIL' })),
    );
    expect(kinds(diff.changes)).toEqual([
      ['outcome-changed', 'breaking', 'adsdatahub', CANCEL, 'PASS', 'FAIL'],
    ]);
    expect(diff.summary).toEqual({ breaking: 1, changed: 0, info: 0 });
  });

  it('calls other outcome changes, and a strength change, "changed"', () => {
    const fixed = withCell('checks', CANCEL, (cell) => ({
      ...cell,
      outcome: 'PASS',
      evidence: [],
    }));
    const shouldFails = withCell('checks', EMPTY_BODY, (cell) => ({ ...cell, outcome: 'FAIL' }));
    const demoted = withCell('adsdatahub', CANCEL, (cell) => ({ ...cell, strength: 'SHOULD' }));
    expect(kinds(diffResults(sampleResults(), fixed).changes)).toEqual([
      ['outcome-changed', 'changed', 'checks', CANCEL, 'FAIL', 'PASS'],
    ]);
    expect(kinds(diffResults(sampleResults(), shouldFails).changes)).toEqual([
      ['outcome-changed', 'changed', 'checks', EMPTY_BODY, 'PASS', 'FAIL'],
    ]);
    expect(kinds(diffResults(sampleResults(), demoted).changes)).toEqual([
      ['strength-changed', 'changed', 'adsdatahub', CANCEL, 'MUST', 'SHOULD'],
    ]);
  });

  it('reports a 404 turning into a 403 although both cells PASS', () => {
    const was = withCell('adsdatahub', CANCEL, (cell) => ({
      ...cell,
      evidence: [probe(404, 'NOT_FOUND')],
    }));
    const now = withCell('adsdatahub', CANCEL, (cell) => ({
      ...cell,
      evidence: [probe(403, 'PERMISSION_DENIED', 'other words')],
    }));
    const [change, ...rest] = diffResults(was, now).changes;
    expect(rest).toEqual([]);
    expect(change).toMatchObject({
      kind: 'answer-changed',
      level: 'changed',
      service: 'adsdatahub',
      clause: CANCEL,
      before: 'GET (no verb) -> 404 application/json NOT_FOUND {error}',
      after: 'GET (no verb) -> 403 application/json PERMISSION_DENIED {error}',
      detail: 'answer 1 of 1 differs (outcome PASS)',
    });
    const reworded = withCell('adsdatahub', CANCEL, (cell) => ({
      ...cell,
      evidence: [probe(404, 'NOT_FOUND', 'reworded')],
    }));
    expect(diffResults(was, reworded).changes).toEqual([]);
  });

  it('compares answers only where both cells carry evidence', () => {
    const was = withCell('adsdatahub', CANCEL, (cell) => cell);
    const now = withCell('adsdatahub', CANCEL, (cell) => ({
      ...cell,
      evidence: [probe(404, 'NOT_FOUND')],
    }));
    expect(diffResults(was, now).changes).toEqual([]);
  });

  it('lists a cell that appeared or disappeared', () => {
    const without = withCell('checks', EMPTY_BODY, () => undefined);
    expect(kinds(diffResults(sampleResults(), without).changes)).toEqual([
      ['cell-removed', 'info', 'checks', EMPTY_BODY, undefined, undefined],
    ]);
    expect(kinds(diffResults(without, sampleResults()).changes)).toEqual([
      ['cell-added', 'info', 'checks', EMPTY_BODY, undefined, undefined],
    ]);
  });

  it('lists a clause or a service that appeared as a whole once, not cell by cell', () => {
    const build = (services: readonly string[], clauses = CLAUSES) =>
      buildRunResults({
        cells: CELLS.filter(
          (cell) => services.includes(cell.service) && clauses.some((c) => c.id === cell.clause),
        ),
        clauses,
        services,
        target: { kind: 'embedded' },
        startedAt: new Date(0),
        durationMs: 0,
        toolVersion: '0',
        settings: SETTINGS,
      });
    const all = build(['adsdatahub', 'checks', 'datafusion']);
    const fewer = build(
      ['adsdatahub', 'checks'],
      CLAUSES.filter((c) => c.id !== EMPTY_BODY),
    );
    expect(kinds(diffResults(fewer, all).changes)).toEqual([
      ['service-added', 'info', 'datafusion', undefined, undefined, undefined],
      ['clause-added', 'info', undefined, EMPTY_BODY, undefined, undefined],
    ]);
    expect(kinds(diffResults(all, fewer).changes).map(([kind]) => kind)).toEqual([
      'service-removed',
      'clause-removed',
    ]);
  });

  it('puts breaking changes first, then follows the current run’s service order', () => {
    const changed = sampleResults(
      CELLS.map((cell) =>
        cell.clause === EMPTY_BODY
          ? { ...cell, outcome: 'SKIPPED' as const }
          : cell.service === 'datafusion'
            ? cell
            : { ...cell, outcome: 'FAIL' as const },
      ),
    );
    const order = diffResults(sampleResults(), changed).changes.map((c) => [c.level, c.service]);
    expect(order).toEqual([
      ['breaking', 'adsdatahub'],
      ['changed', 'adsdatahub'],
      ['changed', 'checks'],
    ]);
  });

  // A results file is input: `diff` printed the verdict its summary claimed, and took a file
  // with a cell twice (each copy compared as if it were the only one).
  it('judges each side again from its cells instead of trusting its summary', () => {
    const failing = withCell('adsdatahub', CANCEL, (cell) => ({ ...cell, outcome: 'FAIL' }));
    const claimed: RunResults = {
      ...failing,
      summary: { ...failing.summary, verdict: 'conformant' },
    };
    const diff = diffResults(sampleResults(), claimed);
    expect(diff.current.verdict).toBe('not-conformant');
    expect(diff.baseline.verdict).toBe(sampleResults().summary.verdict);
  });

  it('refuses a results file that holds a cell twice, in one line', () => {
    const [first] = CELLS;
    const doubled = sampleResults([...CELLS, { ...(first as CellResult), outcome: 'FAIL' }]);
    expect(() => diffResults(sampleResults(), doubled)).toThrow(
      /^the current results hold two cells for \S+ × \S+: a results.json has one cell per service and clause/,
    );
    expect(() => diffResults(doubled, sampleResults())).toThrow(
      /^the baseline results hold two cells/,
    );
  });
});
