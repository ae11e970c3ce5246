/**
 * The proof that the suite can fail, and that it does not fail what conforms. The CLI runs
 * against deliberately broken variants of the reference, one fault each: every fault must be
 * caught by the clauses named for it and end with the exit code docs/INTERPRETING.md promises.
 * The conformant reference, in every mode and in every conformant variant (servers that differ
 * from it as the documentation allows), must pass with exit 0; so must the conformant servers
 * that differ in how they answer over HTTP (shedding load, answering one request at a time),
 * served over loopback in front of the reference and run as `--target URL`. Together the faults
 * make every MUST clause fail.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { oneAtATime } from '../../../tools/testing/hostile-answers.ts';
import { answersTheDocumentsReject } from '../../../tools/testing/openapi-answers.ts';
import { type CliRun, inBatches, runCli } from '../../../tools/testing/run-cli.ts';
import { serveReference } from '../../../tools/testing/serve-reference.ts';
import { URL_SETTLE_MS } from '../../plan/index.ts';
import { REFERENCE_FAULTS } from './catalogue.ts';
import { REFERENCE_SERVING_VARIANTS, REFERENCE_VARIANTS, type ServingVariant } from './variants.ts';

const MODES = {
  honor: [],
  'delayed cancel': ['--cancel-delay', '5000'],
  unimplemented: ['--cancel', 'unimplemented'],
  'completes-despite-cancel': ['--cancel', 'completes-despite-cancel'],
} as const;

const CONFORMANT: readonly (readonly [string, readonly string[]])[] = [
  ...Object.entries(MODES).map(([mode, flags]) => [`mode ${mode}`, flags] as const),
  ...REFERENCE_VARIANTS.map(
    (variant) => [`variant ${variant.id}`, ['--variant', variant.id]] as const,
  ),
];

const OVER_HTTP = REFERENCE_SERVING_VARIANTS.map((served) => `server ${served.id}`);

const runs = new Map<string, CliRun>();

/** A run against the reference served over loopback HTTP as `served` says. */
async function runOverHttp(served: ServingVariant): Promise<CliRun> {
  const { oneAtATimeMs } = served;
  const server = await serveReference({
    ...(served.variant === undefined ? {} : { variant: served.variant }),
    ...(oneAtATimeMs === undefined ? {} : { wrap: (fetch) => oneAtATime(fetch, oneAtATimeMs) }),
  });
  try {
    return await runCli(['run', '--target', server.baseUrl, ...served.runFlags]);
  } finally {
    await server.close();
  }
}

beforeAll(async () => {
  const jobs: readonly (readonly [string, () => Promise<CliRun>])[] = [
    ...CONFORMANT.map(([key, flags]) => [key, () => runCli(['run', ...flags])] as const),
    ...REFERENCE_FAULTS.map((fault) => {
      const settle = fault.settle === 'over-http' ? ['--settle', String(URL_SETTLE_MS)] : [];
      return [`fault ${fault.id}`, () => runCli(['run', '--fault', fault.id, ...settle])] as const;
    }),
    ...REFERENCE_SERVING_VARIANTS.map(
      (served) => [`server ${served.id}`, () => runOverHttp(served)] as const,
    ),
  ];
  const done = await inBatches(
    jobs.map(([, job]) => job),
    2,
  );
  jobs.forEach(([key], index) => {
    const run = done[index];
    if (run) runs.set(key, run);
  });
}, 900_000);

/** The results.json of one run, as the CLI wrote it. */
type Results = NonNullable<CliRun['results']>;

function resultsOf(key: string): Results {
  const run = runs.get(key);
  expect(run?.complaints, `${key} complained on stderr`).toEqual([]);
  expect(run?.results, `${key} wrote no results.json`).toBeDefined();
  return run?.results as Results;
}

describe('the conformant reference and its conformant variants', () => {
  it.for([...CONFORMANT.map(([key]) => key), ...OVER_HTTP])(
    '%s: every cell PASS or N/A, exit 0',
    (key) => {
      const results = resultsOf(key);
      const bad = results.results.filter(
        (cell) => cell.outcome !== 'PASS' && cell.outcome !== 'NOT_APPLICABLE',
      );
      expect(
        bad.map((cell) => `${cell.service} ${cell.clause}: ${cell.outcome} ${cell.message ?? ''}`),
      ).toEqual([]);
      expect(runs.get(key)?.exitCode).toBe(0);
    },
  );
});

describe('a server that sheds load', () => {
  it.for(['variant sheds-load', 'server sheds-load-over-http'])(
    '%s: every answer a retry cured is in the evidence, marked, and warned about',
    (key) => {
      const cells = resultsOf(key).results;
      const retried = cells.flatMap((cell) =>
        (cell.evidence ?? []).filter(
          (exchange) => exchange.response?.headers['x-lro-conformance-retry'] !== undefined,
        ),
      );
      expect(new Set(retried.map((exchange) => exchange.response?.status))).toEqual(
        new Set([429, 503]),
      );
      expect(
        retried.some((exchange) => exchange.response?.headers['retry-after'] === undefined),
      ).toBe(true);
      expect(
        retried.some((exchange) => exchange.response?.headers['retry-after'] !== undefined),
      ).toBe(true);
      expect(
        cells.some((cell) =>
          cell.warnings?.some((warning) =>
            warning.includes('judged on the answer after transient ones'),
          ),
        ),
      ).toBe(true);
    },
  );
});

describe('the published OpenAPI documents', () => {
  // A standard validator fed specs/ must accept every answer the suite calls conformant (the
  // legacy `errors` array, null for unset fields, unknown Operation fields, …).
  it.for(CONFORMANT.map(([key]) => key))('accept every answer recorded against %s', async (key) => {
    const problems: string[] = [];
    for (const cell of resultsOf(key).results) {
      problems.push(...(await answersTheDocumentsReject(cell.service, cell.evidence ?? [])));
    }
    expect([...new Set(problems)]).toEqual([]);
  });
});

describe('each injected fault', () => {
  it.for(REFERENCE_FAULTS.map((fault) => fault.id))(
    '%s is caught by the clauses named for it, with the promised exit code',
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
      expect(runs.get(`fault ${id}`)?.exitCode).toBe(fault?.exitCode);
    },
  );

  it.for(REFERENCE_FAULTS.map((fault) => fault.id))(
    '%s fails exactly the clauses it declares, and none ends in ERROR',
    (id) => {
      const fault = REFERENCE_FAULTS.find((candidate) => candidate.id === id);
      const declared = [...(fault?.caughtBy ?? []), ...(fault?.alsoCaughtBy ?? [])].map(
        (entry) => `${entry.clause} ${entry.outcome}`,
      );
      const observed = resultsOf(`fault ${id}`)
        .results.filter((cell) => ['FAIL', 'INCONCLUSIVE', 'ERROR'].includes(cell.outcome))
        .map((cell) => `${cell.clause} ${cell.outcome}`);
      expect([...new Set(observed)].sort()).toEqual([...new Set(declared)].sort());
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
  });

  it('has each exit code the docs promise for a fault: 0, 1 and 4', () => {
    expect(new Set(REFERENCE_FAULTS.map((fault) => fault.exitCode))).toEqual(new Set([0, 1, 4]));
  });
});
