/**
 * The clauses live mode added, shown failing and passing over HTTP: a loopback server that
 * answers each service differently (by its path) plays four kinds of front end for the request
 * without credentials, and three kinds of GetOperation for an operation named with
 * `--operation`. One CLI run with `--control none` judges them all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '#reports';
import {
  type LoopbackServer,
  type PlainResponse,
  startLoopbackServer,
} from '../../tools/testing/loopback-server.ts';
import { type CliRun, runCli } from '../../tools/testing/run-cli.ts';

const NAMED = {
  checks: 'accounts/a/apps/b/operations/good',
  datafusion: 'projects/p/locations/l/operations/renamed',
  admanager: 'networks/n/operations/reports/runs/flapping',
} as const;

function envelope(
  code: number,
  status: string,
  headers: Record<string, string> = {},
): PlainResponse {
  return {
    status: code,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      error: {
        code,
        message: status,
        status,
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: status,
            domain: 'stand-in.example',
          },
        ],
      },
    }),
  };
}

function operation(name: string, done: boolean): PlainResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      done ? { name, done, error: { code: 1, message: 'Cancelled.' } } : { name },
    ),
  };
}

let server: LoopbackServer;
let run: CliRun;
let flappingReads = 0;

beforeAll(async () => {
  server = await startLoopbackServer((request) => {
    const path = request.path;
    const anonymous = request.headers.authorization === undefined;
    if (path.includes('/accounts/')) {
      if (anonymous)
        return envelope(401, 'UNAUTHENTICATED', { 'www-authenticate': 'Bearer realm="x"' });
      return path.endsWith(NAMED.checks)
        ? operation(NAMED.checks, true)
        : envelope(404, 'NOT_FOUND');
    }
    if (path.includes('/projects/')) {
      if (anonymous) return envelope(401, 'UNAUTHENTICATED');
      return path.endsWith(NAMED.datafusion)
        ? operation('projects/p/locations/l/operations/other', true)
        : envelope(404, 'NOT_FOUND');
    }
    if (path.includes('/networks/')) {
      if (anonymous) return envelope(403, 'PERMISSION_DENIED');
      if (!path.endsWith(NAMED.admanager)) return envelope(404, 'NOT_FOUND');
      flappingReads += 1;
      return operation(NAMED.admanager, flappingReads === 1);
    }
    return envelope(404, 'NOT_FOUND');
  });
  run = await runCli(
    [
      'run',
      '--target',
      server.baseUrl,
      '--control',
      'none',
      '--header',
      'Authorization: Bearer $CLAUSE_TEST_TOKEN',
      '--service',
      'checks,datafusion,admanager,dai',
      '--clause',
      'errors/request-without-credentials-answers-unauthenticated,get/existing-operation-reads-back-consistently',
      ...Object.entries(NAMED).flatMap(([service, name]) => ['--operation', `${service}=${name}`]),
      '--settle',
      '100',
    ],
    { env: { CLAUSE_TEST_TOKEN: 'clause-test-token-3f9a' } },
  );
}, 60_000);
afterAll(() => server.close());

function outcome(results: RunResults | undefined, service: string, clause: string) {
  const cell = results?.results.find((c) => c.service === service && c.clause === clause);
  return `${cell?.outcome} ${cell?.message ?? ''}`;
}

describe('a request without credentials', () => {
  const clause = 'errors/request-without-credentials-answers-unauthenticated';

  it('passes a 401 UNAUTHENTICATED envelope with a challenge', () => {
    expect(outcome(run.results, 'checks', clause)).toMatch(/^PASS/);
  });

  it('fails a 401 without WWW-Authenticate, and a 403 PERMISSION_DENIED', () => {
    expect(outcome(run.results, 'datafusion', clause)).toMatch(
      /^FAIL the 401 to GetOperation .* carries no WWW-Authenticate challenge/,
    );
    expect(outcome(run.results, 'admanager', clause)).toMatch(
      /^FAIL GetOperation .* without credentials answered 403 PERMISSION_DENIED/,
    );
  });

  it('is NOT_APPLICABLE where the target asks for no credentials', () => {
    expect(outcome(run.results, 'dai', clause)).toMatch(/^NOT_APPLICABLE the target answered 404/);
  });

  it('sent the run credentials everywhere else, and left them out for the probe only', () => {
    // The preflight's GET of the base URL aside, which only checks that the target is there.
    const anonymous = server.requests.filter(
      (r) => r.headers.authorization === undefined && r.path.startsWith('/v1'),
    );
    expect(anonymous.map((r) => r.method)).toEqual(['GET', 'GET', 'GET', 'GET']);
    expect(
      server.requests.filter((r) => r.headers.authorization === 'Bearer clause-test-token-3f9a'),
    ).not.toEqual([]);
  });
});

describe('an operation named with --operation', () => {
  const clause = 'get/existing-operation-reads-back-consistently';

  it('passes an operation that answers its own name and stays done', () => {
    expect(outcome(run.results, 'checks', clause)).toMatch(/^PASS/);
  });

  it('fails one answered under another name, and one that goes back from done', () => {
    expect(outcome(run.results, 'datafusion', clause)).toMatch(
      /^FAIL GetOperation projects\/p\/locations\/l\/operations\/renamed answered the operation .*other/,
    );
    expect(outcome(run.results, 'admanager', clause)).toMatch(
      /^FAIL .*a done operation keeps its state/,
    );
  });

  it('is SKIPPED for a service the run names no operation of, and only ever read', () => {
    expect(outcome(run.results, 'dai', clause)).toMatch(
      /^SKIPPED needs an existing operation to read: add --operation dai=NAME/,
    );
    expect(server.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    // Both clauses are SHOULD: a run that passed no MUST cell is not verified.
    expect(run.exitCode).toBe(4);
  });
});
