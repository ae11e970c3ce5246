/**
 * A run that verified nothing is not a pass (docs/INTERPRETING.md#exit-codes): without a control
 * endpoint only SHOULD and observed probes can run, and targets that know nothing of operations
 * (a static file server), reset every connection or answer 503 forever used to end
 * "conformant: every applicable MUST cell passed", exit 0. `--probes-only` asks for a verdict on
 * the probes, which such targets fail; the reference implementation passes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type HostileServer,
  startResettingServer,
  startStaticFileServer,
  startUnavailableServer,
} from '../../tools/testing/hostile-servers.ts';
import { type CliRun, inBatches, runCli } from '../../tools/testing/run-cli.ts';
import { startReferenceServer } from '../reference/reference-server.ts';

const QUICK = ['--settle', '0', '--request-timeout', '2000'];

describe('lro-conformance run --control none against hostile targets', () => {
  const servers: Record<string, HostileServer> = {};
  let reference: Awaited<ReturnType<typeof startReferenceServer>>;
  const runs: Record<string, CliRun> = {};

  beforeAll(async () => {
    [servers.files, servers.resetting, servers.unavailable] = await Promise.all([
      startStaticFileServer(),
      startResettingServer(),
      startUnavailableServer(),
    ]);
    reference = await startReferenceServer({ port: 0 });
    const targets = { ...servers, reference };
    // A URL target's preflight stops at a server that resets every connection (one line, exit
    // 3); a live run has no preflight, so its cells meet the resets.
    const argsFor = (name: string, baseUrl: string) =>
      name === 'resetting'
        ? ['run', '--live', '--auth', 'none', '--endpoint', `checks=${baseUrl}`, '--max-rps', '500']
        : ['run', '--target', baseUrl, '--control', 'none'];
    const plans = Object.entries(targets).flatMap(([name, server]) => {
      const args = [...argsFor(name, server.baseUrl), '--service', 'checks', ...QUICK];
      return [
        [name, args] as const,
        [`${name} --probes-only`, [...args, '--probes-only']] as const,
      ];
    });
    plans.push([
      'resetting URL',
      ['run', '--target', servers.resetting?.baseUrl ?? '', ...QUICK, '--control', 'none'],
    ]);
    const done = await inBatches(
      plans.map(
        ([, args]) =>
          () =>
            runCli(args),
      ),
      2,
    );
    plans.forEach(([name], index) => {
      const run = done[index];
      if (run) runs[name] = run;
    });
  }, 240_000);
  afterAll(async () => {
    await Promise.all([
      ...Object.values(servers).map((server) => server.close()),
      reference.close(),
    ]);
  });

  it.for(['files', 'resetting', 'unavailable', 'reference'])(
    'a run against the %s target that passed no MUST cell is not verified, exit 4',
    (name) => {
      const run = runs[name];
      expect(run?.complaints).toEqual([]);
      expect(run?.exitCode).toBe(4);
      expect(run?.results?.summary.verdict).toBe('not-verified');
      expect(run?.stdout).toContain('not verified: no MUST cell passed');
      expect(run?.stdout).not.toContain('conformant: every applicable MUST cell passed');
      // CI reading only junit.xml sees it too.
      expect(run?.junit).toContain('name="a scored cell passed"');
    },
  );

  it('with --probes-only, fails the probes a static file server answers with HTML, exit 1', () => {
    const run = runs['files --probes-only'];
    expect(run?.exitCode).toBe(1);
    expect(run?.results?.settings.probesOnly).toBe(true);
    expect(run?.results?.summary.verdict).toBe('not-conformant');
  });

  it('stops a URL target that resets every connection at the preflight: one line, exit 3', () => {
    const run = runs['resetting URL'];
    expect(run?.exitCode).toBe(3);
    expect(run?.complaints).toEqual([
      expect.stringMatching(/cannot reach the target .*ECONNRESET/),
    ]);
  });

  it('with --probes-only, reports a target that resets every connection as ERROR, exit 3', () => {
    const run = runs['resetting --probes-only'];
    expect(run?.exitCode).toBe(3);
    // The reads of an operation named with --operation run too; without one they are SKIPPED.
    const probes = run?.results?.results.filter((cell) => cell.outcome !== 'SKIPPED') ?? [];
    expect(probes.length).toBeGreaterThan(0);
    expect(probes.every((cell) => cell.outcome === 'ERROR')).toBe(true);
  });

  it('with --probes-only, does not pass a front end answering 503 forever', () => {
    expect(runs['unavailable --probes-only']?.exitCode).not.toBe(0);
    expect(servers.unavailable?.received()).toBeGreaterThan(0);
  });

  it('with --probes-only, runs only the probes and passes the reference implementation, exit 0', () => {
    const run = runs['reference --probes-only'];
    expect(run?.complaints).toEqual([]);
    expect(run?.exitCode).toBe(0);
    expect(run?.stdout).toContain('conformant on the probes');
    const requires = new Map(run?.results?.clauses.map((clause) => [clause.id, clause.requires]));
    expect(run?.results?.results.length).toBeGreaterThan(0);
    for (const cell of run?.results?.results ?? []) {
      if (requires.get(cell.clause) === 'operation') {
        // Reading an operation harms nothing, but this run names none.
        expect(cell.outcome).toBe('SKIPPED');
        expect(cell.message).toContain('--operation checks=NAME');
        continue;
      }
      expect(requires.get(cell.clause)).toBe('nothing');
      expect(['PASS', 'NOT_APPLICABLE']).toContain(cell.outcome);
    }
  });
});
