/**
 * The bench runs end to end and prints its report lines. Quick mode from the sources, two of its
 * four figures (the HTTP and scale figures start many whole runs and would take minutes on a
 * loaded machine); no figure is checked against a number: timings are never asserted in tests.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BENCH = fileURLToPath(new URL('./bench.ts', import.meta.url));

describe('npm run bench --quick', () => {
  it('prints each figure with its floor, its ratio and a PASS or MISS line per goal', () => {
    const run = spawnSync(
      process.execPath,
      [BENCH, '--quick', '--from', 'sources', '--only', 'embedded,server'],
      { encoding: 'utf8', timeout: 170_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/== embedded matrix vs trivial vitest run/);
    expect(run.stdout).toMatch(/floor, trivial vitest run: +\d+ ms/);
    expect(run.stdout).toMatch(/ratio, median of per-pair ratios: +\d+\.\d\d×/);
    expect(run.stdout).toMatch(/MSW floor, a test per cell, same requests: \d+ ms/);
    expect(run.stdout).toMatch(/embedded matrix vs MSW floor: +\d+\.\d\d×/);
    expect(run.stdout).toMatch(/== reference server vs minimal node:http server/);
    expect(run.stdout).toMatch(/minimal server: +\d+ requests\/s, p50 [\d.]+ ms, p99 [\d.]+ ms/);
    const goals = run.stdout.slice(run.stdout.indexOf('== goals'));
    expect(goals.match(/^ {2}(PASS|MISS) {2}/gm)).toHaveLength(2);
  }, 180_000);

  it('rejects an unknown figure with one line', () => {
    const run = spawnSync(process.execPath, [BENCH, '--only', 'nonsense'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      'bench: unknown figure "nonsense" (known: embedded, http, scale, server, hostile, catalogue) (see the comment at the top of tools/bench/bench.ts)',
    ]);
  });
});
