/**
 * `runConformance` as a user's own test suite calls it (docs/API.md): the results object of the
 * CLI's run, no report unless asked, the CLI's validation with option names in its messages, and
 * an LroError carrying its code and the CLI's exit code.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunResults, resultsViolations } from '#reports';
import { parseHeaderOptions } from '../http/auth/header-options.ts';
import { apiRunValues, cliRunValues } from '../options/index.ts';
import { exitCodeOf, isLroError, type LroError, runConformance } from './index.ts';

const scratch = mkdtempSync(join(tmpdir(), 'lro-api-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function refusal(options: Parameters<typeof runConformance>[0]): Promise<LroError> {
  try {
    await runConformance(options);
  } catch (error) {
    if (isLroError(error)) return error;
    throw error;
  }
  throw new Error('expected runConformance to reject');
}

describe('runConformance', () => {
  it('resolves to the results document of a run, conformant against the embedded reference', async () => {
    const results = await runConformance({ services: ['checks'], clauses: ['cancel/*'] });
    expect(resultsViolations(results)).toEqual([]);
    expect(results.summary.verdict).toBe('conformant');
    expect(exitCodeOf(results)).toBe(0);
    expect(results.services).toEqual(['checks']);
    expect(results.results.every((cell) => cell.clause.startsWith('cancel/'))).toBe(true);
    expect(results.target.kind).toBe('embedded');
  }, 60_000);

  it('resolves to a failing verdict, not a rejection, when a MUST clause fails', async () => {
    const results = await runConformance({
      services: ['dai'],
      clauses: ['cancel/cancelled-operation-is-not-deleted'],
      fault: 'cancel-deletes-the-operation',
    });
    expect(results.summary.verdict).toBe('not-conformant');
    expect(exitCodeOf(results)).toBe(1);
    expect(results.results.map((cell) => cell.outcome)).toEqual(['FAIL']);
  }, 60_000);

  it('writes the report only when given a reportDir', async () => {
    const reportDir = join(scratch, 'report');
    // The CLI's default report directory stays as it was: absent, or untouched.
    const cliDefault = join(process.cwd(), 'lro-report', 'results.json');
    const before = existsSync(cliDefault) ? statSync(cliDefault).mtimeMs : undefined;
    await runConformance({ services: ['dai'], clauses: ['get/*'] });
    expect(existsSync(cliDefault) ? statSync(cliDefault).mtimeMs : undefined).toBe(before);

    const results = await runConformance({
      services: ['dai'],
      clauses: ['get/*'],
      reportDir,
      runId: 'api-run-1',
    });
    expect(results.runId).toBe('api-run-1');
    expect(readdirSync(reportDir).sort()).toEqual([
      'junit.xml',
      'matrix.md',
      'report.html',
      'results.json',
    ]);
    const written = JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as RunResults;
    expect(written.results.map((cell) => cell.outcome)).toEqual(
      results.results.map((cell) => cell.outcome),
    );
  }, 60_000);

  it('runs a handlers module given as target msw:PATH', async () => {
    const results = await runConformance({
      target: 'msw:harness/targets/fixtures/independent-msw/handlers.ts',
      clauses: ['cancel/cancelled-operation-has-error-code-1'],
    });
    expect(results.target).toEqual({
      kind: 'msw',
      source: 'harness/targets/fixtures/independent-msw/handlers.ts',
    });
    expect(results.results.map((cell) => `${cell.service} ${cell.outcome}`)).toEqual([
      'checks PASS',
      'datafusion PASS',
    ]);
  }, 60_000);

  it.each([
    [{ services: ['checks', 'nope'] }, 2, /^unknown service "nope" \(known: .*checks/],
    [{ deadlineMs: 1.5 }, 2, /^deadlineMs takes whole milliseconds, not "1\.5"$/],
    [
      { cancelDelayMs: 5, target: 'http://127.0.0.1:1' },
      2,
      /^cancelDelayMs configures the embedded reference/,
    ],
    [
      { shard: { index: 3, count: 2 } },
      2,
      /^shard takes I\/N with 1 <= I <= N, e.g\. 2\/4; got "3\/2"$/,
    ],
    [{ services: 'checks' } as object, 2, /^services must be an array of strings, not "checks"$/],
    [
      { deadlineMs: '100' } as object,
      2,
      /^deadlineMs must be a number of milliseconds, not "100"$/,
    ],
    [
      { servcies: ['checks'] } as object,
      2,
      /^unknown option "servcies" \(known: target, control, services, /,
    ],
    [{ clauses: [7] } as object, 2, /^clauses must be an array of strings, not \[7\]$/],
    [{ target: 'msw:nowhere/handlers.js' }, 2, /^target msw:nowhere\/handlers\.js: no such file/],
    [
      { target: 'http://127.0.0.1:9', requestTimeoutMs: 2000 },
      3,
      /^cannot reach the target at http:\/\/127\.0\.0\.1:9/,
    ],
    [{ live: 'yes' } as object, 2, /^live must be true or false, not "yes"$/],
    [{ endpoints: { checks: 'http://127.0.0.1:1' } }, 2, /^endpoints needs live$/],
    [
      { live: true, parents: { checks: 'projects/p' } },
      2,
      /^parents\.checks=projects\/p is not the leading part of checks's operation names/,
    ],
    [{ live: true, parents: { nope: 'x' } }, 2, /^parents: unknown service "nope" \(known: /],
    [{ live: true, parents: { checks: ' ' } }, 2, /^parents\.checks is empty$/],
    [
      { live: true, endpoints: { dai: 'ftp://x' } },
      2,
      /^endpoints dai must be an http\(s\) URL, not "ftp:\/\/x"$/,
    ],
    [{ live: true, maxRps: 0 }, 2, /^maxRps takes a number of requests per second above 0/],
    [
      { live: true, maxRequests: 1.5 },
      2,
      /^maxRequests must be an integer from 1 to 1000000; got "1\.5"$/,
    ],
    [
      { live: true, auth: 'oauth' } as object,
      2,
      /^unknown auth value "oauth" \(allowed: adc, none\)$/,
    ],
    [{ live: true, auth: 'none', scopes: { dai: 'x' } }, 2, /^scopes needs auth adc$/],
    [
      { live: true, target: 'http://127.0.0.1:1' },
      2,
      /^live sends each service to its documented host .*: drop target \(endpoints SERVICE=URL/,
    ],
    [{ quotaProject: 'p' }, 2, /^quotaProject needs a target over HTTP \(live or target URL\)/],
    [
      { target: 'http://127.0.0.1:1', headers: { Host: 'h' } },
      2,
      /^headers "Host" is set by the harness itself; use endpoints SERVICE=URL/,
    ],
    [
      { target: 'http://127.0.0.1:1', headers: { 'X-Key': 'secret-canary\nx' } },
      2,
      /^headers "X-Key": the value contains a line break or NUL, which HTTP forbids$/,
    ],
    [
      { headers: { 'X-Key': 7 } } as object,
      2,
      /^headers must be an object of header name → string value, not an object with other values$/,
    ],
    [{ target: 'replay:nowhere.har' }, 2, /^no recording at nowhere\.har/],
  ])(
    'rejects %j with an LroError: exit %i, one line',
    async (options, exitCode, message) => {
      const error = await refusal(options as Parameters<typeof runConformance>[0]);
      expect(error.exitCode).toBe(exitCode);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('\n');
    },
    30_000,
  );

  it('reads the options into the values the same flags give, and checks them once', () => {
    expect(
      apiRunValues({
        services: ['checks', 'dai'],
        cancelDelayMs: 5,
        shard: { index: 1, count: 2 },
        reportDir: 'out',
      }),
    ).toEqual(
      cliRunValues([
        ...['--service', 'checks,dai', '--cancel-delay', '5'],
        ...['--shard', '1/2', '--report-dir', 'out'],
      ]),
    );
    expect(
      apiRunValues({
        live: true,
        parents: { checks: 'accounts/1/apps/2', dai: 'operations' },
        scopes: { dai: ['a', 'b'], checks: 'c' },
        maxRps: 0.5,
        auth: 'none',
      }),
    ).toEqual(
      cliRunValues([
        '--live',
        ...['--parent', 'checks=accounts/1/apps/2', '--parent', 'dai=operations'],
        ...['--scope', 'dai=a', '--scope', 'dai=b', '--scope', 'checks=c'],
        ...['--max-rps', '0.5', '--auth', 'none'],
      ]),
    );
    // As on the command line, where a flag is there or not.
    expect(apiRunValues({ live: false, parents: {} })).toEqual({});
  });

  it('sends header values as given: a `$` is no variable', () => {
    const { headers } = apiRunValues({
      headers: { Authorization: 'Bearer a$b', 'X-Literal': '$$HOME$X$' },
    });
    const sent = parseHeaderOptions(headers ?? [], { HOME: '/home/nobody', X: 'x' });
    expect(sent.headers.map((header) => header.value)).toEqual(['Bearer a$b', '$$HOME$X$']);
  });
});

describe('runConformance in a plain Node script', () => {
  it('prints nothing and leaves the exit code to the program, even when a clause fails', async () => {
    const api = fileURLToPath(new URL('./index.ts', import.meta.url));
    const script = `const { runConformance } = await import(${JSON.stringify(api)});
const results = await runConformance({
  services: ['dai'],
  clauses: ['get/*', 'cancel/cancelled-operation-is-not-deleted'],
  fault: 'cancel-deletes-the-operation',
});
if (results.summary.verdict !== 'not-conformant') process.exitCode = 7;`;
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--input-type=module', '-e', script],
        { env: { ...process.env, NO_COLOR: '1' } },
        (error, stdout, stderr) =>
          resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr }),
      );
    });
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  }, 60_000);
});
