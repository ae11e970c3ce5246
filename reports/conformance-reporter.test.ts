/**
 * The reporter, tested the way vitest's own reporters are: by running vitest over a fixture suite
 * (fixtures/conformance.fixture.ts) and reading what the reporter produced. No mocks.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startVitest } from 'vitest/node';
import { buildRunResults } from './build-run-results.ts';
import { type CollectedRun, ConformanceReporter } from './conformance-reporter.ts';
import type { RunResults } from './results-model.ts';
import { resultsViolations } from './results-schema.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STARTED_AT = new Date('2026-11-23T18:00:00.000Z');

async function runFixtureSuite(): Promise<RunResults[]> {
  const collected: CollectedRun[] = [];
  const reporter = new ConformanceReporter({
    onCollected: (run) => {
      collected.push(run);
    },
    startedAt: STARTED_AT,
  });
  // A run with failing tests sets process.exitCode; it must not fail this test's worker.
  const exitCode = process.exitCode;
  try {
    const vitest = await startVitest([], {
      root: ROOT,
      include: ['reports/fixtures/*.fixture.ts'],
      reporters: [reporter],
      watch: false,
      config: false,
    });
    await vitest.close();
  } finally {
    process.exitCode = exitCode;
  }
  return collected.map((run) =>
    buildRunResults({
      ...run,
      target: { kind: 'embedded', reference: { cancelMode: 'honor', cancelDelayMs: 0 } },
      services: ['adsdatahub', 'checks', 'datafusion'],
      toolVersion: '0.1.0-test',
      settings: { deadlineMs: 30_000, settleMs: 0, failOn: [] },
    }),
  );
}

describe('ConformanceReporter', () => {
  it('hands over the cells and clauses of the fixture suite, once', {
    timeout: 60_000,
  }, async () => {
    const produced = await runFixtureSuite();
    expect(produced).toHaveLength(1);
    const [results] = produced;
    if (results === undefined) throw new Error('the reporter produced no results');

    expect(resultsViolations(results)).toEqual([]);
    expect(results).toMatchObject({
      schemaVersion: 3,
      tool: { name: 'lro-conformance', version: '0.1.0-test' },
      startedAt: STARTED_AT.toISOString(),
      services: ['adsdatahub', 'checks', 'datafusion'],
    });
    expect(results.clauses.map((clause) => clause.id)).toEqual([
      'cancel/fixture-clause',
      'get/fixture-clause',
    ]);
    expect(
      results.results.map(({ service, clause, outcome, strength, message }) => ({
        service,
        clause,
        outcome,
        strength,
        message,
      })),
    ).toEqual([
      {
        service: 'adsdatahub',
        clause: 'get/fixture-clause',
        outcome: 'SKIPPED',
        strength: 'SHOULD',
        message: undefined,
      },
      {
        service: 'checks',
        clause: 'cancel/fixture-clause',
        outcome: 'PASS',
        strength: 'MUST',
        message: undefined,
      },
      {
        service: 'checks',
        clause: 'get/fixture-clause',
        outcome: 'ERROR',
        strength: 'SHOULD',
        message: 'no handler for GET /v1/operations/1',
      },
      {
        service: 'datafusion',
        clause: 'cancel/fixture-clause',
        outcome: 'FAIL',
        strength: 'MUST',
        message: 'expected error.code 1, got 2',
      },
      {
        service: 'datafusion',
        clause: 'get/fixture-clause',
        outcome: 'NOT_APPLICABLE',
        strength: 'SHOULD',
        message: 'datafusion documents no wait method',
      },
    ]);
    const failing = results.results.find((cell) => cell.outcome === 'FAIL');
    expect(failing?.evidence?.[0]?.curl).toBe("curl 'http://127.0.0.1/v1/operations/1'");
    expect(results.summary).toEqual({
      counts: { PASS: 1, FAIL: 1, NOT_APPLICABLE: 1, INCONCLUSIVE: 0, ERROR: 1, SKIPPED: 1 },
      mustFailures: 1,
      verdict: 'not-conformant',
    });
  });
});
