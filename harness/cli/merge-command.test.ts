/**
 * `lro-conformance merge` as a user runs it: shard reports written by writeReport (split with
 * the rule the run's --shard uses) merge into exactly the report an unsharded run writes, and
 * every bad input ends in one line and exit 2.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_FILES, type RunResults, scrubDeep, writeReport } from '#reports';
import { failingRun } from '../../reports/fixtures/failing-run.ts';
import { splitIntoShards } from '../../reports/fixtures/shards.ts';
import { inBatches, runCli } from '../../tools/testing/run-cli.ts';

let root: string;

async function writeShards(name: string, shards: readonly RunResults[]): Promise<string[]> {
  return Promise.all(
    shards.map(async (shard, i) => {
      const dir = join(root, name, `shard-${i + 1}`);
      await writeReport(dir, shard);
      return dir;
    }),
  );
}

function withoutTimes(text: string): unknown {
  return JSON.parse(text, (key, value) =>
    key === 'startedAt' || key === 'durationMs' ? undefined : value,
  );
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lro-merge-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('lro-conformance merge', () => {
  it('writes every report file byte for byte as the unsharded run did, and exits with its verdict', {
    timeout: 60_000,
  }, async () => {
    const unsharded = failingRun();
    await writeReport(join(root, 'unsharded'), unsharded);
    const dirs = await writeShards('same-times', splitIntoShards(unsharded, 3));
    const out = join(root, 'merged');
    const run = await runCli(['merge', ...dirs, '--report-dir', out]);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('NOT conformant: 3 MUST cells fail');
    expect(run.stdout).toContain(`report: ${join(out, 'results.json')}`);
    for (const name of REPORT_FILES) {
      expect(await readFile(join(out, name), 'utf8'), name).toBe(
        await readFile(join(root, 'unsharded', name), 'utf8'),
      );
    }
  });

  it('gives the unsharded results.json apart from times when shards ran at different times', {
    timeout: 60_000,
  }, async () => {
    const unsharded = failingRun();
    const shards = splitIntoShards(unsharded, 2, (index) => ({
      offsetMs: 100 * index,
      durationMs: 50,
    }));
    const dirs = await writeShards('other-times', shards);
    const out = join(root, 'merged-other-times');
    const run = await runCli(['merge', ...dirs, '--report-dir', out]);
    expect(run.exitCode).toBe(1);
    const merged = await readFile(join(out, 'results.json'), 'utf8');
    // Reports are scrubbed on the way to the disk; the unsharded run would be scrubbed the same way.
    expect(withoutTimes(merged)).toEqual(withoutTimes(JSON.stringify(scrubDeep(unsharded))));
    expect(JSON.parse(merged)).toMatchObject({
      startedAt: '2026-11-23T18:00:00.100Z',
      durationMs: 150,
    });
  });

  it('refuses bad input with one line, exit 2', { timeout: 120_000 }, async () => {
    const dirs = await writeShards('complete', splitIntoShards(failingRun(), 3));
    const [one = '', two = ''] = dirs;
    const notJson = join(root, 'not-json');
    await writeReport(notJson, failingRun());
    await writeFile(join(notJson, 'results.json'), '{ nope');
    const notResults = join(root, 'not-results');
    await writeReport(notResults, failingRun());
    await writeFile(join(notResults, 'results.json'), '{"schemaVersion": 1}');
    const file = join(root, 'a-file');
    await writeFile(file, '');
    const out = join(root, 'out');
    const cases: readonly [readonly string[], RegExp][] = [
      [[one, two], /^shard 3\/3 is missing: merge the report directories of all 3 shards$/],
      [[one, two, one], /^.*shard-1 and .*shard-1 are both shard 1\/3: give each shard once$/],
      [
        [one, join(root, 'nowhere')],
        /^cannot read .*nowhere\/results.json \(ENOENT\): give the --report-dir of each shard$/,
      ],
      [[one, notJson], /^.*not-json\/results.json is not JSON: /],
      [[one, notResults], /^.*not-results\/results.json is not a results.json of this version: /],
      [[], /^give the report directory of each shard: merge DIR... --report-dir OUT$/],
    ];
    const runs = await inBatches(
      cases.map(
        ([inputs]) =>
          () =>
            runCli(['merge', ...inputs, '--report-dir', out]),
      ),
      2,
    );
    for (const [i, [inputs, message]] of cases.entries()) {
      const run = runs[i];
      if (run === undefined) throw new Error(`no run for case ${i}`);
      expect(run.exitCode, inputs.join(' ')).toBe(2);
      expect(run.stderr.split('\n')).toHaveLength(2);
      expect(run.stderr.replace(/^lro-conformance merge: /, '').trimEnd()).toMatch(message);
    }
    const noOut = await runCli(['merge', one]);
    expect(noOut.stderr).toBe('lro-conformance merge: --report-dir OUT is required (see --help)\n');
    const fileOut = await runCli(['merge', one, '--report-dir', file]);
    expect(fileOut.exitCode).toBe(2);
    expect(fileOut.stderr).toContain('exists and is not a directory');
    const intoShard = await runCli(['merge', one, two, '--report-dir', one]);
    expect(intoShard.stderr).toContain('is one of the shards: write the merged report elsewhere');
  });
});
