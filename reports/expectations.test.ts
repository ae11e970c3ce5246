/** Expectations files: their schema, and what applying them does to cells and to the verdict. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLroError } from '#base';
import { applyExpectations } from './build-run-results.ts';
import {
  type Expectation,
  expectationFindings,
  loadExpectations,
  parseExpectations,
} from './expectations.ts';
import { sampleResults } from './fixtures/sample-results.ts';
import { resultsViolations } from './results-schema.ts';

const CANCEL = 'cancel/cancelled-operation-has-error-code-1';
const EMPTY_BODY = 'cancel/empty-body-is-accepted';
const TODAY = '2026-12-02';

const file = (expectations: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ schemaVersion: 1, expectations, ...extra });

const known: Expectation = {
  service: 'checks',
  clause: CANCEL,
  outcome: 'FAIL',
  reason: 'Checks answers error.code 2 for cancelled operations',
  link: 'https://issuetracker.google.com/issues/1',
  expires: '2027-03-31',
};

describe('parseExpectations', () => {
  it('reads a valid file', () => {
    expect(
      parseExpectations(file([known], { $schema: './expectations.schema.json' }), 'e.json'),
    ).toEqual([known]);
    expect(
      parseExpectations(file([{ ...known, link: undefined, expires: undefined }]), 'e.json'),
    ).toHaveLength(1);
  });

  it.for([
    ['not JSON', '{"schemaVersion": 1,', /^e\.json is not JSON \(/],
    [
      'without schemaVersion',
      JSON.stringify({ expectations: [] }),
      /must have required property 'schemaVersion'/,
    ],
    [
      'with an expected PASS',
      file([{ ...known, outcome: 'PASS' }]),
      /\/expectations\/0\/outcome must be equal to one of the allowed values/,
    ],
    [
      'without a reason',
      file([{ ...known, reason: undefined }]),
      /must have required property 'reason'/,
    ],
    [
      'with a bad expiry date',
      file([{ ...known, expires: '31/03/2027' }]),
      /\/expectations\/0\/expires must match format "date"/,
    ],
    [
      'with a relative link',
      file([{ ...known, link: 'issues/1' }]),
      /\/expectations\/0\/link must match format "uri"/,
    ],
    [
      'with an unknown field',
      file([{ ...known, owner: 'me' }]),
      /must NOT have additional properties/,
    ],
    [
      'with a cell twice',
      file([known, { ...known, outcome: 'ERROR' }]),
      /^e\.json lists checks × cancel\/cancelled-operation-has-error-code-1 twice$/,
    ],
  ] as const)('refuses a file %s, in one line', ([, text, message]) => {
    let error: unknown;
    try {
      parseExpectations(text, 'e.json');
    } catch (caught) {
      error = caught;
    }
    expect(isLroError(error) && error.code).toBe('INVALID_FILE');
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('loads a file and names a missing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lro-expectations-'));
    writeFileSync(join(dir, 'e.json'), file([known]));
    expect(loadExpectations(join(dir, 'e.json'))).toEqual([known]);
    expect(() => loadExpectations(join(dir, 'missing.json'))).toThrow(
      `cannot read the expectations file ${join(dir, 'missing.json')} (ENOENT)`,
    );
  });
});

describe('applyExpectations', () => {
  const results = sampleResults();
  const statusOf = (expectations: readonly Expectation[], today: Date | string = TODAY) =>
    applyExpectations(results, expectations, today).results.flatMap((cell) =>
      cell.expectation ? [[cell.service, cell.clause, cell.expectation.status]] : [],
    );

  it('lets an expected FAIL pass the run, and reports nothing about it', () => {
    expect(results.summary.verdict).toBe('not-conformant');
    const applied = applyExpectations(results, [known], TODAY);
    expect(statusOf([known])).toEqual([['checks', CANCEL, 'met']]);
    // The datafusion MUST cell is ERROR: the run is now a harness error, no longer a failure.
    expect(applied.summary.verdict).toBe('harness-error');
    expect(applied.summary.counts).toEqual(results.summary.counts);
    expect(expectationFindings(applied, [known])).toEqual([]);
  });

  it('marks an unexpected PASS, a different outcome and an expired expectation, which still count', () => {
    const expectations: Expectation[] = [
      { ...known, service: 'adsdatahub' },
      { ...known, service: 'datafusion' },
      { ...known, expires: '2026-12-01' },
    ];
    expect(statusOf(expectations)).toEqual([
      ['adsdatahub', CANCEL, 'unexpected-pass'],
      ['checks', CANCEL, 'expired'],
      ['datafusion', CANCEL, 'differs'],
    ]);
    const applied = applyExpectations(results, expectations, TODAY);
    expect(applied.summary.verdict).toBe('not-conformant');
    expect(resultsViolations(JSON.parse(JSON.stringify(applied)))).toEqual([]);
    expect(
      expectationFindings(applied, expectations).map((f) => [f.kind, f.service, f.before, f.after]),
    ).toEqual([
      ['expectation-unexpected-pass', 'adsdatahub', 'FAIL', 'PASS'],
      ['expectation-expired', 'checks', 'FAIL', 'FAIL'],
      ['expectation-differs', 'datafusion', 'FAIL', 'ERROR'],
    ]);
  });

  it('still applies on its expiry day, with a Date as well as a day', () => {
    expect(statusOf([{ ...known, expires: TODAY }])).toEqual([['checks', CANCEL, 'met']]);
    expect(
      statusOf([{ ...known, expires: TODAY }], new Date('2026-12-03T00:00:01Z') as never),
    ).toEqual([['checks', CANCEL, 'expired']]);
  });

  it('replaces the expectations of an earlier application', () => {
    const once = applyExpectations(results, [known], TODAY);
    expect(applyExpectations(once, [], TODAY)).toEqual(results);
  });

  it('reports an expectation that matched no cell of a service the run checked', () => {
    const stray: Expectation[] = [
      { ...known, clause: EMPTY_BODY, service: 'datafusion' },
      { ...known, service: 'dai' },
    ];
    const findings = expectationFindings(applyExpectations(results, stray, TODAY), stray);
    expect(findings.map((f) => [f.kind, f.level, f.service, f.clause])).toEqual([
      ['expectation-unused', 'info', 'datafusion', EMPTY_BODY],
    ]);
  });
});
