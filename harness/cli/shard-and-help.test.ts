/**
 * Issue 11's promises, run through the real CLI as CI would: `--shard i/n` runs split the cells of
 * one run between them and `merge` puts the shards back into the unsharded run's report; every
 * command prints the same full usage for `--help`, `-h` and `help NAME`; `--version` prints the
 * package's version.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPackageVersion } from '#base';
import type { RunResults } from '#reports';
import { inBatches, outcomesOf, runCli } from '../../tools/testing/run-cli.ts';
import { COMMANDS } from './commands.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lro-shard-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A faulty reference, so that the shards carry FAILs as well as PASSes. */
const RUN = ['run', '--fault', 'cancel-deletes-the-operation', '--service', 'checks,datafusion'];

describe('--shard i/n and merge, as CI runs them', () => {
  it('three shards split the cells exactly and merge into the unsharded verdict, cells and exit code', {
    timeout: 180_000,
  }, async () => {
    const dir = (name: string) => join(root, name);
    const [unsharded, ...shards] = await inBatches(
      [
        () => runCli(RUN, { reportDir: dir('unsharded') }),
        ...[1, 2, 3].map(
          (i) => () => runCli([...RUN, '--shard', `${i}/3`], { reportDir: dir(`shard-${i}`) }),
        ),
      ],
      2,
    );
    const whole = unsharded?.results as RunResults;
    expect(unsharded?.exitCode).toBe(1);
    const shardCells = shards.map((shard) => Object.keys(outcomesOf(shard.results as RunResults)));
    for (const cells of shardCells) expect(cells.length).toBeGreaterThan(0);
    const union = shardCells.flat();
    expect(new Set(union).size).toBe(union.length);
    expect(union.sort()).toEqual(Object.keys(outcomesOf(whole)).sort());

    const merged = await runCli([
      'merge',
      dir('shard-1'),
      dir('shard-2'),
      dir('shard-3'),
      '--report-dir',
      dir('merged'),
    ]);
    expect(merged.exitCode).toBe(unsharded?.exitCode);
    const mergedResults = JSON.parse(
      await readFile(join(dir('merged'), 'results.json'), 'utf8'),
    ) as RunResults;
    expect(outcomesOf(mergedResults)).toEqual(outcomesOf(whole));
    expect(mergedResults.shard).toBeUndefined();
    expect(withoutRunSpecifics(mergedResults)).toEqual(withoutRunSpecifics(whole));
  });
});

/**
 * What differs between two runs of the same selection: times, and the random id each run gives
 * its probe names (probe-names.ts) so that two runs against one server never collide.
 */
function withoutRunSpecifics(results: RunResults): unknown {
  return JSON.parse(JSON.stringify(results), (key, value) =>
    key === 'startedAt' || key === 'durationMs'
      ? undefined
      : typeof value === 'string'
        ? value.replace(/lro-conformance-absent-[a-z0-9]+/g, 'lro-conformance-absent-SEED')
        : value,
  );
}

describe('help and version', () => {
  it.each(COMMANDS.map((command) => command.name))(
    '%s: --help, -h and help NAME print one usage',
    async (name) => {
      const [long, short, viaHelp] = await Promise.all([
        runCli([name, '--help']),
        runCli([name, '-h']),
        runCli(['help', name]),
      ]);
      for (const run of [long, short, viaHelp]) {
        expect(run.exitCode).toBe(0);
        expect(run.stderr).toBe('');
      }
      expect(long.stdout).toContain(name);
      expect(short.stdout).toBe(long.stdout);
      expect(viaHelp.stdout).toBe(long.stdout);
    },
    60_000,
  );

  it('--version prints the package version alone', async () => {
    const run = await runCli(['--version']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.trim()).toBe(readPackageVersion());
  });

  it('help for a command that does not exist is a usage error naming the commands', async () => {
    const run = await runCli(['help', 'runn']);
    expect(run.exitCode).toBe(2);
    expect(run.complaints).toHaveLength(1);
    expect(run.complaints[0]).toMatch(/runn/);
  });
});
