/**
 * `lro-conformance run --target msw:PATH` as a client team meets it (docs/MSW-TARGET.md): a mock
 * written from the documentation alone passes, a deliberately wrong one fails the clause it
 * breaks, an incomplete one is ERROR (never FAIL), and a module that cannot serve is one usage
 * line before any test runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '#reports';
import { type CliRun, inBatches, runCli } from '../../tools/testing/run-cli.ts';

const FIXTURES = 'harness/targets/fixtures';
const INDEPENDENT = `msw:${FIXTURES}/independent-msw/handlers.ts`;

function outcomes(results: RunResults | undefined, outcome: string): string[] {
  return (results?.results ?? [])
    .filter((cell) => cell.outcome === outcome)
    .map((cell) => `${cell.service} ${cell.clause}`);
}

describe('lro-conformance run --target msw:PATH', () => {
  let independent: CliRun;
  let selected: CliRun;
  let deleting: CliRun;
  let getOnly: CliRun;

  beforeAll(async () => {
    // Two at a time: the machines have two cores.
    [independent, selected] = await Promise.all([
      runCli(['run', '--target', INDEPENDENT]),
      runCli(['run', '--target', INDEPENDENT, '--service', 'datafusion', '--clause', 'cancel/*']),
    ]);
    [deleting, getOnly] = await Promise.all([
      runCli(['run', '--target', `msw:${FIXTURES}/independent-msw/cancel-deletes-handlers.ts`]),
      runCli([
        'run',
        ...['--target', `msw:${FIXTURES}/independent-msw/get-only-handlers.ts`],
        ...['--service', 'checks'],
      ]),
    ]);
  }, 120_000);

  it('passes a mock written from the documentation alone: every cell PASS or N/A, exit 0', () => {
    expect(independent.complaints).toEqual([]);
    expect(independent.exitCode).toBe(0);
    const results = independent.results;
    expect(results?.target).toEqual({
      kind: 'msw',
      source: `${FIXTURES}/independent-msw/handlers.ts`,
    });
    // The module's `services` export picks the services when --service is absent.
    expect(results?.services).toEqual(['checks', 'datafusion']);
    expect(results?.results.length).toBe(2 * (results?.clauses.length ?? 0));
    expect(
      results?.results.filter((cell) => !['PASS', 'NOT_APPLICABLE'].includes(cell.outcome)),
    ).toEqual([]);
    expect(independent.stdout).toContain(`target msw ${FIXTURES}/independent-msw/handlers.ts`);
  });

  it('runs only what --service and --clause select', () => {
    expect(selected.exitCode).toBe(0);
    expect(selected.results?.services).toEqual(['datafusion']);
    expect(selected.results?.results.every((cell) => cell.clause.startsWith('cancel/'))).toBe(true);
  });

  it('fails a mock whose cancel deletes the operation on the clause it breaks, exit 1', () => {
    expect(deleting.complaints).toEqual([]);
    expect(deleting.exitCode).toBe(1);
    const failed = outcomes(deleting.results, 'FAIL');
    expect(failed).toContain('checks cancel/cancelled-operation-is-not-deleted');
    expect(failed).toContain('datafusion cancel/cancelled-operation-is-not-deleted');
    // What a deleting cancel cannot break still passes: the probes of unknown names.
    expect(outcomes(deleting.results, 'PASS')).toContain(
      'checks errors/unknown-name-answers-not-found',
    );
    expect(outcomes(deleting.results, 'ERROR')).toEqual([]);
  });

  it('reports requests no handler answers as ERROR naming the request, never FAIL: exit 3', () => {
    expect(getOnly.exitCode).toBe(3);
    expect(outcomes(getOnly.results, 'FAIL')).toEqual([]);
    const cancel = getOnly.results?.results.find(
      (cell) => cell.clause === 'cancel/accepts-request-without-body',
    );
    expect(cancel?.outcome).toBe('ERROR');
    expect(cancel?.message).toMatch(
      /^no handler of harness\/targets\/fixtures\/independent-msw\/get-only-handlers\.ts answered POST https:\/\/checks\.googleapis\.com\/v1alpha\/accounts\/[^ ]+:cancel: add one for this path/,
    );
  });
});

describe('lro-conformance run refuses a handlers module that cannot serve, with one line', () => {
  const bad = `${FIXTURES}/bad-msw`;
  const cases: readonly [string, readonly string[], RegExp][] = [
    ['a missing file', ['--target', 'msw:mocks/nowhere.ts'], /: no such file \(/],
    ['no path', ['--target', 'msw:'], /--target msw: needs the path of a handlers module/],
    ['not a module', ['--target', 'msw:README.md'], /a handlers module is a \.js or \.ts file/],
    ['no handlers', ['--target', `msw:${bad}/no-handlers.js`], /exports no handlers: export const/],
    [
      'no control hook',
      ['--target', `msw:${bad}/no-hook.js`],
      /exports no createOperation\(service, scenario\) function/,
    ],
    [
      'handlers that are not MSW handlers',
      ['--target', `msw:${bad}/not-handlers.js`],
      /handlers\[0\] is not an MSW request handler/,
    ],
    [
      'a module that throws on import',
      ['--target', `msw:${bad}/throws-on-import.js`],
      /importing it failed: mock database is not seeded$/,
    ],
    [
      'TypeScript Node cannot strip',
      ['--target', `msw:${bad}/enum.ts`],
      /uses TypeScript that Node\.js cannot strip \(.*enum.*\): keep to erasable syntax/,
    ],
    [
      'a service the module does not serve',
      ['--target', INDEPENDENT, '--service', 'dai'],
      /serves checks, datafusion \(its services export\), not dai: drop it from --service/,
    ],
    [
      'an embedded-reference flag',
      ['--target', INDEPENDENT, '--fault', 'cancel-answers-202'],
      /--fault configures the embedded reference: drop it with --target msw:/,
    ],
    [
      '--control',
      ['--target', INDEPENDENT, '--control', 'none'],
      /--control does not apply: the module's createOperation is its control hook/,
    ],
  ];

  let runs: CliRun[];
  beforeAll(async () => {
    runs = await inBatches(
      cases.map(
        ([, args]) =>
          () =>
            runCli(['run', ...args]),
      ),
      2,
    );
  }, 120_000);

  it.each(cases.map((entry, index) => [entry[0], index, entry[2]] as const))(
    '%s: exit 2 before any test runs',
    (_, index, message) => {
      const run = runs[index];
      expect(run?.exitCode).toBe(2);
      expect(run?.stdout).toBe('');
      expect(run?.results).toBeUndefined();
      expect(run?.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run?.stderr.trimEnd()).toMatch(/^lro-conformance run: /);
      expect(run?.stderr.trimEnd()).toMatch(message);
    },
  );
});
