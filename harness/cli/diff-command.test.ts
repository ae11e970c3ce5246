/**
 * `lro-conformance diff` on real results files: runs of the embedded reference, one of them
 * with a self-test fault injected (harness/reference/faults). They are made here rather than committed,
 * so they always follow the current results model and suites; it costs three runs of two
 * services each.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResultsDiff, RunResults } from '#reports';
import { type CliRun, inBatches, outcomesOf, runCli } from '../../tools/testing/run-cli.ts';

const SERVICES = 'checks,dai';
const FAULT = 'cancel-answers-the-operation';
/** The clauses that catch the fault, per service (harness/reference/faults/catalogue.ts). */
const CAUGHT = [
  'checks cancel/success-body-is-empty',
  'dai cancel/success-body-is-empty-json-object',
];

let dir: string;
const file = (name: string) => join(dir, name);
const results: Record<string, RunResults> = {};

function write(name: string, value: unknown): string {
  writeFileSync(file(name), typeof value === 'string' ? value : JSON.stringify(value));
  return file(name);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lro-diff-cli-'));
  const [baseline, again, faulty] = await inBatches(
    [
      () => runCli(['run', '--service', SERVICES]),
      () => runCli(['run', '--service', SERVICES]),
      () => runCli(['run', '--service', SERVICES, '--fault', FAULT]),
    ],
    2,
  );
  for (const [name, run] of Object.entries({ baseline, again, faulty })) {
    if (run?.results === undefined)
      throw new Error(`the ${name} run wrote no results: ${run?.stderr}`);
    results[name] = run.results;
    write(`${name}.json`, run.results);
  }
}, 180_000);

const diff = (...args: string[]) => runCli(['diff', ...args]);
const parsed = (run: CliRun) => JSON.parse(run.stdout) as ResultsDiff;

describe('lro-conformance diff on real results', () => {
  it('finds nothing between two runs of the same reference, exit 0', async () => {
    const run = await diff(file('baseline.json'), file('again.json'));
    expect(run.stderr).toBe('');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      `no behaviour drift in ${results.again?.results.length} cells`,
    );
    expect(run.exitCode).toBe(0);
  }, 30_000);

  it('reports exactly the cells whose outcome the fault changed, and how the answers changed', async () => {
    const run = await diff(file('baseline.json'), file('faulty.json'), '--format', 'json');
    const { changes } = parsed(run);
    const before = outcomesOf(results.baseline as RunResults);
    const after = outcomesOf(results.faulty as RunResults);
    const changedOutcomes = Object.keys(after).filter((cell) => before[cell] !== after[cell]);
    const outcomeChanges = changes.filter((c) => c.kind === 'outcome-changed');
    expect(outcomeChanges.map((c) => `${c.service} ${c.clause}`).sort()).toEqual(
      changedOutcomes.sort(),
    );
    expect(changedOutcomes).toEqual(expect.arrayContaining(CAUGHT));
    expect(outcomeChanges.filter((c) => CAUGHT.includes(`${c.service} ${c.clause}`))).toEqual(
      CAUGHT.map(() =>
        expect.objectContaining({ level: 'breaking', before: 'PASS', after: 'FAIL' }),
      ),
    );
    // The fault answers the Operation to every successful cancel: wherever both runs kept the
    // exchange, the answer is seen to change from {} to an Operation.
    const answerChanges = changes.filter((c) => c.kind === 'answer-changed');
    expect(answerChanges.length).toBeGreaterThan(0);
    for (const change of answerChanges) {
      expect(change.before).toMatch(/^POST :cancel -> 200 application\/json \{\}$/);
      expect(change.after).toMatch(/^POST :cancel -> 200 application\/json \{.*name.*\}$/);
    }
    expect(changes.every((c) => ['outcome-changed', 'answer-changed'].includes(c.kind))).toBe(true);
    expect(run.exitCode).toBe(1);
  }, 30_000);

  it('lets known deviations through --fail-on breaking, and reports an expired one', async () => {
    const expectations = (expires: string) =>
      write(`expectations-${expires}.json`, {
        schemaVersion: 1,
        expectations: CAUGHT.map((cell) => {
          const [service, clause] = cell.split(' ');
          return { service, clause, outcome: 'FAIL', reason: 'known', expires };
        }),
      });
    const [strict, known, expired] = await Promise.all([
      diff(file('baseline.json'), file('faulty.json'), '--fail-on', 'breaking'),
      diff(
        file('baseline.json'),
        file('faulty.json'),
        '--fail-on',
        'breaking',
        '--expectations',
        expectations('2999-12-31'),
      ),
      diff(
        file('baseline.json'),
        file('faulty.json'),
        '--expectations',
        expectations('2000-01-01'),
        '--format',
        'markdown',
      ),
    ]);
    expect(strict.exitCode).toBe(1);
    expect(known.stdout).not.toContain('BREAKING');
    expect(known.stdout).toContain(
      `CHANGED   outcome-changed  checks  cancel/success-body-is-empty (MUST)  PASS -> FAIL`,
    );
    expect(known.exitCode).toBe(0);
    expect(expired.stdout).toContain(
      '| changed | `expectation-expired` | checks | `cancel/success-body-is-empty` | FAIL | FAIL | expired on 2000-01-01: known |',
    );
    expect(expired.exitCode).toBe(1);
  }, 60_000);
});

describe('lro-conformance diff groups what one fault changed in every service', () => {
  const entries = (text: string) =>
    text.split('\n').filter((line) => /^(BREAKING|CHANGED|INFO) /.test(line));

  it('prints one entry per clause and kind, naming the services and how many; --all prints each', async () => {
    const [grouped, all, json] = await Promise.all([
      diff(file('baseline.json'), file('faulty.json')),
      diff(file('baseline.json'), file('faulty.json'), '--all'),
      diff(file('baseline.json'), file('faulty.json'), '--format', 'json'),
    ]);
    const { changes } = parsed(json);
    expect(entries(all.stdout)).toHaveLength(changes.length);
    const shown = entries(grouped.stdout);
    expect(shown.length).toBeLessThan(changes.length);
    // Every change is in exactly one entry: its clause, with its service named there.
    for (const change of changes) {
      const holding = shown.filter(
        (line) =>
          line.includes(`  ${change.clause} (`) &&
          line.includes(change.kind) &&
          (line.includes(`(${change.service}`) ||
            line.includes(` ${change.service},`) ||
            line.includes(` ${change.service})`) ||
            line.includes(`  ${change.service}  `)),
      );
      expect(holding.length, `${change.service} ${change.clause} ${change.kind}`).toBeGreaterThan(
        0,
      );
    }
    expect(shown.some((line) => line.includes('  2 services (checks, dai)  '))).toBe(true);
    expect(grouped.stdout).toContain(
      `${changes.length} changes in ${shown.length} entries, grouped by clause across services; --all lists each\n`,
    );
    // The verdict line counts every change either way, and so does the exit code.
    expect(grouped.stdout.split('\n').find((l) => l.startsWith('behaviour drift:'))).toBe(
      all.stdout.split('\n').find((l) => l.startsWith('behaviour drift:')),
    );
    expect([grouped.exitCode, all.exitCode]).toEqual([1, 1]);
  }, 30_000);

  it('run --baseline prints only what changed since, grouped, then the counts and verdict', async () => {
    const run = await runCli([
      'run',
      ...['--service', SERVICES, '--fault', FAULT, '--baseline', file('baseline.json')],
    ]);
    expect(run.exitCode).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(
      /: what changed since the baseline \(the full matrix is in matrix\.md\)$/,
    );
    // No matrix: no row per clause, only the changes.
    expect(run.stdout).not.toMatch(/^clause\s+strength/m);
    expect(run.stdout).not.toContain('get/operation-has-valid-shape');
    expect(entries(run.stdout).length).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/^\d+ PASS, \d+ FAIL, .*NOT conformant/m);
    expect(run.stdout).toContain('report: ');
    expect(run.stderr).not.toContain('lro-conformance diff');
  }, 60_000);
});

describe('lro-conformance diff refuses what it cannot read', () => {
  it('exits 2, one line, for a results file that is missing, not JSON or not valid, as for usage mistakes', async () => {
    const old = write('old.json', { ...results.baseline, schemaVersion: 1 });
    const broken = write('broken.json', '{"schemaVersion": 2,');
    const invalid = write('invalid.json', {
      ...results.baseline,
      results: [{ service: 'checks' }],
    });
    const badExpectations = write('bad-expectations.json', {
      schemaVersion: 1,
      expectations: [{ service: 'checks' }],
    });
    const base = file('baseline.json');
    const runs = await inBatches(
      [
        () => diff(base, file('missing.json')),
        () => diff(broken, base),
        () => diff(old, base),
        () => diff(base, invalid),
        () => diff(base),
        () => diff(base, base, '--expectations', badExpectations),
      ],
      2,
    );
    expect(runs.map((run) => [run.exitCode, run.stderr.trim().split('\n').length])).toEqual([
      [2, 1],
      [2, 1],
      [2, 1],
      [2, 1],
      [2, 1],
      [2, 1],
    ]);
    const [missing, notJson, oldVersion, notValid, one, expectations] = runs.map(
      (run) => run.stderr,
    );
    expect(missing).toBe(
      `lro-conformance diff: current ${file('missing.json')} cannot be read (ENOENT)\n`,
    );
    expect(notJson).toMatch(/^lro-conformance diff: baseline .*broken\.json is not JSON \(/);
    expect(oldVersion).toMatch(
      /has results schemaVersion 1; this lro-conformance reads 2 to 3: run again to write a new one/,
    );
    expect(notValid).toMatch(
      /invalid\.json is not a valid results\.json: \/results\/0 must have required property/,
    );
    expect(one).toMatch(/diff takes two results files, BASELINE.json and CURRENT.json; got 1/);
    expect(expectations).toMatch(
      /bad-expectations\.json does not match reports\/expectations\.schema\.json: /,
    );
  }, 60_000);
});
