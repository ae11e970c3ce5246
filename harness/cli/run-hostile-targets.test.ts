/**
 * `lro-conformance run` against targets that answer in ways a conformance run must survive, each
 * served over loopback in front of the reference (tools/testing/hostile-answers.ts): answers
 * padded far past any Operation, answers that never end, gzip bombs, redirects to another origin
 * that would carry the run's credentials along, and throttling that never stops. Each ends with a
 * report and the exit code docs/INTERPRETING.md promises: what a run cannot read or reach is
 * ERROR, never FAIL, and a redirect is an answer to judge.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FetchServer } from '../../tools/testing/fetch-server.ts';
import { type HostileAnswer, hostile } from '../../tools/testing/hostile-answers.ts';
import { runCli } from '../../tools/testing/run-cli.ts';
import { serveReference } from '../../tools/testing/serve-reference.ts';

const servers: FetchServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(answer?: HostileAnswer): Promise<FetchServer> {
  const server = await serveReference(
    answer === undefined ? {} : { wrap: (fetch) => hostile(fetch, answer) },
  );
  servers.push(server);
  return server;
}

const outcomes = (cells: readonly { outcome: string }[]) =>
  [...new Set(cells.map((cell) => cell.outcome))].sort();

describe('a target whose answers are far larger than any Operation', () => {
  it('is judged on its answers, its evidence cut and marked, and its report replaces the earlier one', async () => {
    const target = await serve({ kind: 'padded', bytes: 1024 * 1024 });
    const reportDir = mkdtempSync(join(tmpdir(), 'lro-hostile-'));
    try {
      writeFileSync(join(reportDir, 'results.json'), '{"earlier": "run"}');
      const run = await runCli(
        ['run', '--target', target.baseUrl, '--service', 'checks,dai', '--settle', '0'],
        { reportDir },
      );
      expect(run.complaints).toEqual([]);
      expect(run.exitCode).toBe(0);
      const cells = run.results?.results ?? [];
      expect(outcomes(cells)).toEqual(['NOT_APPLICABLE', 'PASS']);
      const bodies = cells.flatMap((cell) =>
        (cell.evidence ?? []).map((exchange) => exchange.response?.body ?? ''),
      );
      expect(
        bodies.some((body) => body.endsWith('bytes in all; the first 65536 bytes are kept]')),
      ).toBe(true);
      // An earlier version kept every 1 MB body in every cell: a report of hundreds of MB.
      for (const file of ['results.json', 'report.html', 'junit.xml', 'matrix.md']) {
        expect(statSync(join(reportDir, file)).size, file).toBeLessThan(40 * 1024 * 1024);
      }
      expect(readFileSync(join(reportDir, 'results.json'), 'utf8')).not.toContain('earlier');
    } finally {
      rmSync(reportDir, { recursive: true, force: true });
    }
  }, 240_000);
});

describe('a target whose answers do not end', () => {
  it.for([
    ['an endless body', { kind: 'endless' }],
    ['a gzip bomb', { kind: 'gzip-bomb', inflatedBytes: 8 * 1024 ** 3 }],
  ] as const)(
    '%s: read up to --max-answer-bytes, the cells ERROR with the reason, and the run ends long before its timeouts',
    { timeout: 120_000 },
    async ([, answer]) => {
      const target = await serve(answer);
      const started = performance.now();
      const run = await runCli([
        'run',
        '--target',
        target.baseUrl,
        '--service',
        'checks',
        '--settle',
        '0',
        '--max-answer-bytes',
        String(1024 * 1024),
        '--request-timeout',
        '60000',
      ]);
      expect(performance.now() - started).toBeLessThan(60_000);
      expect(run.complaints).toEqual([]);
      const cells = run.results?.results ?? [];
      expect(cells.filter((cell) => cell.outcome === 'FAIL')).toEqual([]);
      const errors = cells.filter((cell) => cell.outcome === 'ERROR');
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]?.message).toMatch(
        /answered 200 with a body longer than 1048576 bytes, which the run does not read \(--max-answer-bytes\); the answer could not be checked$/,
      );
      expect(run.exitCode).toBe(3);
    },
  );
});

describe('a target that redirects to another origin', () => {
  it('is judged on the redirect: nothing reaches the other origin, its credentials least of all', async () => {
    const elsewhere = await serve();
    const target = await serve({ kind: 'redirect', origin: elsewhere.baseUrl });
    const run = await runCli(
      [
        'run',
        '--target',
        target.baseUrl,
        '--service',
        'checks',
        '--settle',
        '0',
        '--header',
        'x-goog-api-key: $LRO_TEST_API_KEY',
      ],
      { env: { LRO_TEST_API_KEY: 'AIzaRedirectedKeyValue' } },
    );
    expect(elsewhere.requests).toEqual([]);
    const cells = run.results?.results ?? [];
    const redirected = cells.flatMap((cell) =>
      (cell.evidence ?? []).filter((exchange) => exchange.response?.status === 307),
    );
    expect(redirected.length).toBeGreaterThan(0);
    expect(redirected[0]?.response?.headers.location).toMatch(
      new RegExp(`^${elsewhere.baseUrl.replaceAll('.', '\\.')}/v1`),
    );
    expect(outcomes(cells)).toContain('FAIL');
    expect(run.exitCode).toBe(1);
    expect(JSON.stringify(run.results)).not.toContain('AIzaRedirectedKeyValue');
  }, 120_000);
});

describe('a target that keeps throttling', () => {
  it.for([
    ['503 with Retry-After', { kind: 'throttle', status: 503, retryAfter: '0' }],
    ['429 without Retry-After', { kind: 'throttle', status: 429 }],
  ] as const)(
    '%s: every cell it answered so is ERROR after bounded retries, none FAIL',
    { timeout: 180_000 },
    async ([, answer]) => {
      const target = await serve(answer);
      const run = await runCli([
        'run',
        '--target',
        target.baseUrl,
        '--service',
        'checks',
        '--settle',
        '0',
      ]);
      expect(run.complaints).toEqual([]);
      const cells = run.results?.results ?? [];
      expect(cells.filter((cell) => cell.outcome === 'FAIL').map((cell) => cell.clause)).toEqual(
        [],
      );
      const errors = cells.filter((cell) => cell.outcome === 'ERROR');
      expect(errors.length).toBeGreaterThan(10);
      expect(errors[0]?.message).toMatch(
        /answered (503|429) and was still answered so after 10 retries over \d+ ms: the target stays unavailable, so the answer could not be checked$/,
      );
      // Every answer that was not judged is in the evidence, marked.
      const marked = (errors[0]?.evidence ?? []).filter(
        (exchange) => exchange.response?.headers['x-lro-conformance-retry'] !== undefined,
      );
      expect(marked).toHaveLength(11);
      expect(run.exitCode).toBe(3);
    },
  );
});
