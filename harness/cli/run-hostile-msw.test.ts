/**
 * A handlers module (`--target msw:`) is the user's code running inside the run: it must not
 * decide how the run ends, nor wedge it (SECURITY.md). Checked before the run in a worker thread
 * with a time limit, a module that exits or never finishes loading is one line, exit 2 (it used
 * to end the run with exit 0 and no report, or with Node's exit 13). During the run, an exit is
 * one problem line and a report (exit 3), and a handler in an endless loop is stopped by the
 * watchdog (ERROR cells, exit 3), where it used to hang the run, deaf to SIGINT and SIGTERM.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, inBatches, runCli } from '../../tools/testing/run-cli.ts';
import { type SignalledRun, signalledRun } from '../../tools/testing/signalled-run.ts';

const HOSTILE = 'harness/targets/fixtures/hostile-msw';
const target = (file: string) => ['--target', `msw:${HOSTILE}/${file}`];

describe('lro-conformance run --target msw: with a hostile module', () => {
  const runs: Record<string, CliRun & { readonly seconds: number }> = {};
  let interrupted: SignalledRun;

  beforeAll(async () => {
    const files = [
      'exits-on-load.ts',
      'never-settles.ts',
      'loops-on-load.ts',
      'exits-later.ts',
      'loops-in-handler.ts',
    ];
    const done = await inBatches(
      files.map((file) => async () => {
        const started = Date.now();
        // The module that exits later needs a run still under way 1.5 s after it loads.
        const settle = file === 'exits-later.ts' ? '5000' : '0';
        const run = await runCli(['run', ...target(file), '--settle', settle]);
        return { ...run, seconds: (Date.now() - started) / 1000 };
      }),
      2,
    );
    files.forEach((file, index) => {
      const run = done[index];
      if (run) runs[file] = run;
    });
    // Signalled once the handler has had time to start looping, well before the watchdog acts.
    const started = Date.now();
    interrupted = await signalledRun(
      [...target('loops-in-handler.ts'), '--settle', '0'],
      'SIGINT',
      () => Date.now() - started > 7_000,
    );
  }, 300_000);

  it.for([
    [
      'exits-on-load.ts',
      /: called process\.exit\(0\) while loading: a handlers module must not end the process/,
    ],
    ['never-settles.ts', /: never finished loading: it waits at its top level \(await\)/],
    ['loops-on-load.ts', /: did not finish loading within 10 s: an endless loop/],
  ] as const)('refuses %s before the run in one line, exit 2', ([file, line]) => {
    const run = runs[file];
    expect(run?.exitCode).toBe(2);
    expect(run?.complaints).toEqual([expect.stringMatching(line)]);
    expect(run?.stderr.trim().split('\n')).toHaveLength(1);
    expect(run?.results).toBeUndefined();
    expect(run?.seconds).toBeLessThan(30);
  });

  it('reports a module that exits during the run as one problem, with a report, exit 3', () => {
    const run = runs['exits-later.ts'];
    expect(run?.exitCode).toBe(3);
    expect(run?.complaints).toEqual([
      expect.stringMatching(/unhandled error: process\.exit unexpectedly called with "0"/),
    ]);
    expect(run?.results?.summary.verdict).toBe('harness-error');
    expect(run?.results?.problems).toHaveLength(1);
  });

  it('stops a handler in an endless loop: its cells ERROR, one line, a report, exit 3', () => {
    const run = runs['loops-in-handler.ts'];
    expect(run?.exitCode).toBe(3);
    expect(run?.complaints).toEqual([
      expect.stringMatching(
        /the worker that runs the suites was busy for \d+ s without a break .*: the run stopped it/,
      ),
    ]);
    const cells = run?.results?.results ?? [];
    expect(cells.filter((cell) => cell.outcome === 'ERROR').length).toBeGreaterThan(0);
    expect(cells.filter((cell) => cell.outcome === 'FAIL')).toEqual([]);
    expect(run?.seconds).toBeLessThan(60);
  });

  it('stops on SIGINT even while a handler loops: exit 130, a partial report', () => {
    expect(interrupted.signal).toBeNull();
    expect(interrupted.code).toBe(130);
    expect(interrupted.stoppedInMs).toBeLessThan(10_000);
    expect(interrupted.results?.interrupted).toBe(true);
  });
});
