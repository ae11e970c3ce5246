import { describe, expect, it } from 'vitest';
import { buildRunResults, summarise } from './build-run-results.ts';
import { CELLS, CLAUSES, SETTINGS, sampleResults } from './fixtures/sample-results.ts';
import type { CellResult } from './results-model.ts';

describe('summarise', () => {
  it('counts every outcome, zero included, the MUST cells that fail, and the verdict', () => {
    expect(summarise(CELLS, { settings: SETTINGS })).toEqual({
      counts: { PASS: 2, FAIL: 1, NOT_APPLICABLE: 1, INCONCLUSIVE: 1, ERROR: 1, SKIPPED: 0 },
      mustFailures: 1,
      verdict: 'not-conformant',
    });
  });

  it('does not count a failing SHOULD or observed cell as a MUST failure', () => {
    const cells: CellResult[] = [
      { service: 'a', clause: 'c', outcome: 'FAIL', strength: 'SHOULD' },
      { service: 'a', clause: 'd', outcome: 'FAIL', strength: 'observed' },
      { service: 'a', clause: 'e', outcome: 'ERROR', strength: 'MUST' },
    ];
    expect(summarise(cells, { settings: SETTINGS }).mustFailures).toBe(0);
  });
});

describe('buildRunResults', () => {
  it('orders results by the given service order, then by clause id', () => {
    const results = sampleResults([...CELLS].reverse());
    expect(results.results.map((cell) => `${cell.service} ${cell.clause}`)).toEqual([
      'adsdatahub cancel/cancelled-operation-has-error-code-1',
      'adsdatahub cancel/empty-body-is-accepted',
      'checks cancel/cancelled-operation-has-error-code-1',
      'checks cancel/empty-body-is-accepted',
      'datafusion cancel/cancelled-operation-has-error-code-1',
      'datafusion get/unknown-field-is-rejected',
    ]);
  });

  it('fills the header fields and sorts the clauses by id', () => {
    const results = buildRunResults({
      cells: [],
      clauses: [...CLAUSES].reverse(),
      services: ['checks'],
      target: { kind: 'url', baseUrl: 'http://127.0.0.1:8080' },
      startedAt: new Date('2026-11-23T18:00:00.000Z'),
      durationMs: 5,
      toolVersion: '9.9.9',
      settings: SETTINGS,
    });
    expect(results).toMatchObject({
      schemaVersion: 3,
      tool: { name: 'lro-conformance', version: '9.9.9' },
      startedAt: '2026-11-23T18:00:00.000Z',
      durationMs: 5,
      target: { kind: 'url', baseUrl: 'http://127.0.0.1:8080' },
      services: ['checks'],
    });
    expect(results.clauses.map((clause) => clause.id)).toEqual(CLAUSES.map((clause) => clause.id));
  });

  it('appends services that cells name but the run did not select, so no cell is hidden', () => {
    const cells: CellResult[] = [
      { service: 'zeta', clause: 'c', outcome: 'PASS', strength: 'MUST' },
      { service: 'alpha', clause: 'c', outcome: 'PASS', strength: 'MUST' },
      { service: 'checks', clause: 'c', outcome: 'PASS', strength: 'MUST' },
    ];
    const results = buildRunResults({ ...inputOf(cells), services: ['checks', 'checks'] });
    expect(results.services).toEqual(['checks', 'alpha', 'zeta']);
    expect(results.results.map((cell) => cell.service)).toEqual(['checks', 'alpha', 'zeta']);
  });
});

function inputOf(cells: CellResult[]) {
  return {
    cells,
    clauses: [],
    services: [],
    target: { kind: 'embedded' as const },
    startedAt: new Date(0),
    durationMs: 0,
    toolVersion: '0.0.0',
    settings: SETTINGS,
  };
}
