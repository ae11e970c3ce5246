/**
 * How conformanceTest turns what a clause body does into a cell's outcome, run the way the CLI runs
 * suites (vitest's Node API, a reporter reading task meta) over a fixture suite. The regression
 * this guards: only a conformance finding is FAIL; a bug in a suite (a TypeError) is ERROR.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startVitest } from 'vitest/node';
import { type CollectedRun, ConformanceReporter } from '#reports';
import { defaultRunConfig, type RunConfig } from '../plan/run-config.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function runFixture(run: RunConfig): Promise<CollectedRun> {
  let collected: CollectedRun | undefined;
  const exitCode = process.exitCode;
  try {
    const vitest = await startVitest([], {
      root: ROOT,
      config: false,
      include: ['harness/clause/fixtures/suites/**/*.test.ts'],
      reporters: [
        new ConformanceReporter({
          onCollected: (done) => {
            collected = done;
          },
        }),
      ],
      provide: { lroRun: run },
      watch: false,
    });
    await vitest.close();
  } finally {
    process.exitCode = exitCode;
  }
  if (!collected) throw new Error('the fixture run reported nothing');
  return collected;
}

function cellsOf(run: CollectedRun) {
  return Object.fromEntries(run.cells.map((cell) => [cell.clause.split('/').at(-1), cell]));
}

const FIXTURE_RUN: RunConfig = { ...defaultRunConfig(), services: ['checks'] };

describe('conformanceTest', () => {
  it('gives each ending its outcome; a thrown TypeError is ERROR, never FAIL', {
    timeout: 60_000,
  }, async () => {
    const cells = cellsOf(await runFixture(FIXTURE_RUN));
    expect(cells['type-error']).toMatchObject({
      outcome: 'ERROR',
      message: expect.stringMatching(/^TypeError: /),
    });
    expect(cells.finding).toMatchObject({ outcome: 'FAIL', rootCause: 'fixture-finding' });
    expect(cells['not-applicable']).toMatchObject({ outcome: 'NOT_APPLICABLE' });
    expect(cells.passing?.outcome).toBe('PASS');
    expect(cells.passing?.evidence?.length).toBeGreaterThan(0);
  });

  it('skips a clause the run cannot serve, naming the flag that would enable it', {
    timeout: 60_000,
  }, async () => {
    const cells = cellsOf(
      await runFixture({
        ...FIXTURE_RUN,
        capabilities: { control: false, operations: {}, cancellable: {} },
      }),
    );
    expect(cells['needs-an-operation']).toMatchObject({
      outcome: 'SKIPPED',
      message: expect.stringContaining('--operation checks=NAME'),
    });
    expect(cells.passing).toMatchObject({
      outcome: 'SKIPPED',
      message: expect.stringContaining('--control URL'),
    });
    expect(cells.passing?.evidence).toBeUndefined();
  });
});
