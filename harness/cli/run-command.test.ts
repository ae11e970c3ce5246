/**
 * `lro-conformance run` as a user meets it: the outcomes over HTTP equal the in-process ones,
 * and every kind of bad input ends in one line and the documented exit code.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServiceProfile, serviceProfile } from '#specs';
import { type CliRun, outcomesOf, runCli } from '../../tools/testing/run-cli.ts';
import { startReferenceServer } from '../reference/reference-server.ts';

describe('lro-conformance run against a URL', () => {
  let server: Awaited<ReturnType<typeof startReferenceServer>>;
  let overHttp: CliRun;
  let inProcess: CliRun;

  beforeAll(async () => {
    server = await startReferenceServer({ port: 0 });
    [overHttp, inProcess] = await Promise.all([
      runCli(['run', '--target', server.baseUrl, '--control', server.controlUrl]),
      runCli(['run']),
    ]);
  }, 120_000);
  afterAll(() => server.close());

  it('gives the same outcomes as the embedded reference, exit 0', () => {
    expect(overHttp.complaints).toEqual([]);
    expect(overHttp.exitCode).toBe(0);
    expect(overHttp.results && outcomesOf(overHttp.results)).toEqual(
      inProcess.results && outcomesOf(inProcess.results),
    );
    expect(overHttp.results?.target).toEqual({
      kind: 'url',
      baseUrl: server.baseUrl,
      controlUrl: server.controlUrl,
    });
  });

  it('writes JUnit XML with one test case per service × clause, for CI systems', () => {
    const cases = overHttp.junit?.match(/<testcase /g) ?? [];
    expect(cases).toHaveLength(overHttp.results?.results.length ?? -1);
    expect(overHttp.junit).toContain(
      '<testcase classname="cancel/cancelled-operation-has-error-code-1" name="checks: ',
    );
  });

  it('prints the service × clause matrix and the verdict', () => {
    expect(overHttp.stdout).toMatch(/clause\s+strength\s+.*checks/);
    expect(overHttp.stdout).toContain('cancel/cancelled-operation-has-error-code-1');
    expect(overHttp.stdout).toContain('conformant: every applicable MUST cell passed');
  });
});

describe('lro-conformance run refuses bad input with one line', () => {
  const cases: readonly [string, readonly string[], number, RegExp][] = [
    ['an unknown flag', ['--bogus'], 2, /Unknown option '--bogus'/],
    [
      'an unknown service',
      ['--service', 'checks,nope'],
      2,
      /unknown service "nope" \(known: .*checks/,
    ],
    ['an unknown clause', ['--clause', 'cancel/nope'], 2, /unknown clause "cancel\/nope"/],
    [
      'a relative target',
      ['--target', 'localhost:1'],
      2,
      /--target must be an (absolute )?http\(s\) URL/,
    ],
    [
      '--cancel with --target',
      ['--target', 'http://127.0.0.1:1', '--cancel', 'honor'],
      2,
      /--cancel configures the embedded reference/,
    ],
    [
      'a bad --cancel mode',
      ['--cancel', 'maybe'],
      2,
      /unknown --cancel value "maybe" \(allowed: honor, unimplemented, completes-despite-cancel\)/,
    ],
  ];

  it.for(cases)('%s', async ([, args, exitCode, message]) => {
    const run = await runCli(['run', ...args]);
    expect(run.exitCode).toBe(exitCode);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unreachable target answers exit 3 with one line (--wait-for-target 0: at once)', async () => {
    const port = await closedPort();
    const run = await runCli([
      'run',
      ...['--target', `http://127.0.0.1:${port}`, '--wait-for-target', '0'],
    ]);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toBe(
      `lro-conformance run: cannot reach the target at http://127.0.0.1:${port} (ECONNREFUSED)\n`,
    );
  });

  it('waits for a target started in the background that listens after about 2 s (the CI recipe)', async () => {
    const port = await closedPort();
    const base = `http://127.0.0.1:${port}`;
    let server: Awaited<ReturnType<typeof startReferenceServer>> | undefined;
    // As `./start-my-server.sh &` followed at once by the run: the server is up 2 s later.
    const late = setTimeout(async () => {
      server = await startReferenceServer({
        port,
        profiles: [serviceProfile('checks') as ServiceProfile],
      });
    }, 2000);
    try {
      const run = await runCli(['run', '--target', base]);
      expect(run.complaints).toEqual([]);
      expect(run.exitCode).toBe(0);
      expect(run.stderr).toContain(
        `the target at ${base} refuses connections (ECONNREFUSED): waiting up to 10 s for it to start (--wait-for-target)\n`,
      );
      expect(run.stderr).toMatch(/the target at \S+ answered after \d+(\.\d)? s\n/);
      expect(run.results?.services).toEqual(['checks']);
    } finally {
      clearTimeout(late);
      await server?.close();
    }
  }, 60_000);

  it('refuses --wait-for-target without a target URL', async () => {
    const run = await runCli(['run', '--wait-for-target', '5000']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      'lro-conformance run: --wait-for-target needs --target URL (only a target over HTTP can still be starting)\n',
    );
  });

  it('a target without a control endpoint stops with exit 2 and one line, before any test', async () => {
    const bare = createServer((_request, response) => response.writeHead(404).end('no'));
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
    try {
      const run = await runCli(['run', '--target', base]);
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toMatch(/^lro-conformance run: no control endpoint at .*--control none/);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.results).toBeUndefined();
    } finally {
      bare.close();
    }
  });

  it('--help prints the usage and exits 0', async () => {
    const run = await runCli(['run', '--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Exit codes: 0 every applicable MUST cell passed');
  });
});

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('lro-conformance run without a control endpoint (--control none)', () => {
  it('runs the probes, SKIPs the other clauses naming the flag; having passed no MUST cell, it is not verified, exit 4', async () => {
    const server = await startReferenceServer({ port: 0 });
    try {
      const run = await runCli(['run', '--target', server.baseUrl, '--control', 'none']);
      expect(run.complaints).toEqual([]);
      expect(run.exitCode).toBe(4);
      expect(run.results?.summary.verdict).toBe('not-verified');
      expect(run.stdout).toMatch(/not verified: no MUST cell passed \((\d+ N\/A, )?\d+ SKIP\)/);
      const cells = run.results?.results ?? [];
      const byRequirement = (requires: string) =>
        cells.filter(
          (cell) =>
            run.results?.clauses.find((clause) => clause.id === cell.clause)?.requires === requires,
        );
      expect(byRequirement('nothing').map((cell) => cell.outcome)).not.toContain('SKIPPED');
      expect(byRequirement('nothing').length).toBeGreaterThan(0);
      // A clause scoped to some services is NOT_APPLICABLE on the others, whatever the run has.
      const scoped = (cell: { message?: string }) =>
        cell.message?.startsWith('the clause applies to') === true;
      for (const cell of byRequirement('control').filter((each) => !scoped(each))) {
        expect(cell).toMatchObject({
          outcome: 'SKIPPED',
          message: expect.stringContaining('--control URL'),
        });
      }
      expect(run.results?.target).toEqual({ kind: 'url', baseUrl: server.baseUrl });
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('a slow target', () => {
  it('that answers every request within --request-timeout never ends in ERROR, however many requests a test makes', async () => {
    const server = await startReferenceServer({ port: 0, cancelDelayMs: 500 });
    const slow = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      await new Promise((resolve) => setTimeout(resolve, 250));
      const body = chunks.length === 0 ? undefined : Buffer.concat(chunks);
      const answer = await fetch(`${server.baseUrl}${request.url}`, {
        method: request.method ?? 'GET',
        headers: { 'content-type': request.headers['content-type'] ?? 'application/json' },
        ...(body === undefined ? {} : { body }),
      });
      response.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? '',
      });
      response.end(Buffer.from(await answer.arrayBuffer()));
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
    try {
      const run = await runCli([
        'run',
        '--target',
        base,
        '--clause',
        'cancel/repeated-*,cancel/completed-*,get/*',
        '--deadline',
        '3000',
        '--settle',
        '0',
        '--request-timeout',
        '2000',
      ]);
      const cells = run.results?.results ?? [];
      expect(cells.filter((cell) => cell.outcome === 'ERROR')).toEqual([]);
      expect(Math.max(...cells.map((cell) => cell.evidence?.length ?? 0))).toBeGreaterThanOrEqual(
        6,
      );
      // Every clause selected is SHOULD: a run that passed no MUST cell is not verified.
      expect(cells.filter((cell) => cell.strength === 'MUST')).toEqual([]);
      expect(run.exitCode).toBe(4);
    } finally {
      slow.close();
      await server.close();
    }
  }, 120_000);
});
