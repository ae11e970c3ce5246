/**
 * `runConformance` in live mode and with credentials (docs/API.md, docs/LIVE.md), in-process,
 * against loopback stand-ins only: Google's front end (tools/testing/google-stand-in.ts) for
 * every service through `endpoints`, authenticated by an `Authorization` header from `headers`
 * (`auth: 'none'`) or by Application Default Credentials from a stand-in metadata server; the
 * reference server requiring a token, as `serve --token` starts it. The stand-in logs every
 * request unscrubbed and echoes credentials into its error bodies, so the tests can show what
 * was sent and that no credential reaches the results object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunResults, resultsViolations } from '#reports';
import { loadServiceProfiles, serviceIds } from '#specs';
import { type GoogleStandIn, startGoogleStandIn } from '../../tools/testing/google-stand-in.ts';
import {
  METADATA_PRINCIPAL,
  type MetadataServerStandIn,
  startMetadataServerStandIn,
} from '../../tools/testing/metadata-server-stand-in.ts';
import { REFERENCE_PARENTS } from '../../tools/testing/reference-parents.ts';
import { outcomesOf } from '../../tools/testing/run-cli.ts';
import { TokenAuthority } from '../../tools/testing/token-authority.ts';
import { CLOUD_PLATFORM_SCOPE } from '../http/auth/service-scopes.ts';
import { startReferenceServer } from '../reference/reference-server.ts';
import { exitCodeOf, runConformance } from './index.ts';

const PARENTS = REFERENCE_PARENTS;
const API_PRINCIPAL = 'api-user@example.test';
const CANARY_QUOTA = 'canary-quota-project-5a0e';
/** Every scope any service documents, so one token suits them all. */
const ALL_SCOPES = [
  ...new Set([
    CLOUD_PLATFORM_SCOPE,
    ...loadServiceProfiles().flatMap((profile) => [
      ...profile.cancel.scopes,
      ...profile.get.scopes,
    ]),
  ]),
];

const authority = new TokenAuthority();
let standIn: GoogleStandIn;
let metadata: MetadataServerStandIn;
let dir: string;
let token: string;
let cancellable: string;
let readable: string;
let headerRun: RunResults;
let headerLog: readonly string[];

function cell(results: RunResults | undefined, service: string, clause: string) {
  return results?.results.find((c) => c.service === service && c.clause === clause);
}

const liveOptions = (services: readonly string[] = serviceIds()) => ({
  live: true,
  endpoints: Object.fromEntries(services.map((id) => [id, standIn.baseUrl])),
  parents: Object.fromEntries(services.map((id) => [id, PARENTS[id] ?? ''])),
  maxRps: 500,
  settleMs: 200,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lro-api-live-'));
  standIn = await startGoogleStandIn({ authority, cancelDelayMs: 0, echoCredentials: true });
  metadata = await startMetadataServerStandIn({ authority });
  authority.allowParents(API_PRINCIPAL, Object.values(PARENTS));
  authority.allowParents(METADATA_PRINCIPAL, Object.values(PARENTS));
  token = authority.issue(API_PRINCIPAL, ALL_SCOPES);
  cancellable = standIn.model.createOperation('checks', 'running');
  readable = standIn.model.createOperation('datafusion', 'done');
  standIn.clearLog();
  headerRun = await runConformance({
    ...liveOptions(),
    auth: 'none',
    headers: { Authorization: `Bearer ${token}` },
    allowCancel: { checks: cancellable },
    operations: { datafusion: readable },
    record: join(dir, 'session.har'),
  });
  headerLog = standIn.requests.map((request) => `${request.method} ${request.path}`);
}, 180_000);

afterAll(async () => {
  await standIn.close();
  await metadata.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runConformance({ live: true, … })', () => {
  it('resolves to the live run results: probes pass on all five services', () => {
    expect(resultsViolations(headerRun)).toEqual([]);
    expect(headerRun.target).toMatchObject({ kind: 'live', auth: 'headers' });
    expect(headerRun.services).toEqual(serviceIds());
    for (const service of serviceIds()) {
      expect(cell(headerRun, service, 'errors/unknown-name-answers-not-found')?.outcome).toBe(
        'PASS',
      );
      expect(
        cell(headerRun, service, 'errors/request-without-credentials-answers-unauthenticated')
          ?.outcome,
      ).toBe('PASS');
    }
    expect(headerRun.summary.verdict).toBe('conformant');
    expect(exitCodeOf(headerRun)).toBe(0);
  });

  it('sends the headers option: the stand-in issued the token and saw it', () => {
    const withToken = standIn.requests.filter(
      (request) => request.headers.authorization === `Bearer ${token}`,
    );
    // All but the requests sent without credentials on purpose.
    expect(withToken.length).toBeGreaterThan(headerLog.length / 2);
  });

  it('cancels the allowCancel operation once and reads the operations one', () => {
    expect(headerLog.filter((line) => line.includes(`${cancellable}:cancel`))).toEqual([
      `POST /v1alpha/${cancellable}:cancel`,
    ]);
    expect(cell(headerRun, 'checks', 'cancel/cancelled-operation-has-error-code-1')?.outcome).toBe(
      'PASS',
    );
    expect(
      cell(headerRun, 'datafusion', 'get/existing-operation-reads-back-consistently')?.outcome,
    ).toBe('PASS');
    expect(headerLog.filter((line) => line.includes(readable) && !line.startsWith('GET'))).toEqual(
      [],
    );
  });

  it('never puts the token in the results, though the stand-in echoed it back', () => {
    const text = JSON.stringify(headerRun);
    expect(text).not.toContain(token);
    expect(text).not.toContain(encodeURIComponent(token));
    expect(text).toContain('[REDACTED]');
  });

  it("replays the record option's HAR through target 'replay:FILE' with the same outcomes", async () => {
    const replayed = await runConformance({ target: `replay:${join(dir, 'session.har')}` });
    expect(replayed.target).toMatchObject({ kind: 'replay' });
    expect(outcomesOf(replayed)).toEqual(outcomesOf(headerRun));
  }, 60_000);

  it('authenticates with Application Default Credentials from the environment by default', async () => {
    // The API runs in this process: ADC reads this process's environment, and the run's worker
    // thread starts with a copy of it.
    const variables = {
      GCE_METADATA_HOST: metadata.hostPort,
      METADATA_SERVER_DETECTION: 'assume-present',
      GOOGLE_APPLICATION_CREDENTIALS: undefined,
      GOOGLE_CLOUD_QUOTA_PROJECT: undefined,
      CLOUDSDK_CONFIG: dir,
    };
    const saved = Object.fromEntries(Object.keys(variables).map((k) => [k, process.env[k]]));
    setEnv(variables);
    const grantsBefore = authority.grants.length;
    let results: RunResults;
    try {
      results = await runConformance({
        ...liveOptions(['checks', 'datafusion']),
        services: ['checks', 'datafusion'],
        quotaProject: CANARY_QUOTA,
      });
    } finally {
      setEnv(saved);
    }
    expect(results.target).toMatchObject({ kind: 'live', auth: 'adc' });
    // Probes only, and the stand-in answers malformed names as Google's front ends may, with a
    // 404 that is no envelope: no MUST cell could pass, and --probes-only would fail the probes.
    expect(results.summary.verdict).toBe('not-verified');
    const tokens = authority.grants.slice(grantsBefore).map((grant) => grant.token);
    expect(tokens.length).toBeGreaterThan(0);
    const text = JSON.stringify(results);
    for (const secret of [...tokens, CANARY_QUOTA]) expect(text).not.toContain(secret);
  }, 120_000);
});

describe('runConformance({ headers }) against a target that requires a token', () => {
  // A `$` in the token: the API sends values as given, with no `$NAME` expansion.
  const serverToken = 'serve-token-$HOME-canary-41c9';
  const clauses = ['cancel/*', 'errors/request-without-credentials-answers-unauthenticated'];

  it('passes with the header and fails without it; the token stays out of the results', async () => {
    const server = await startReferenceServer({
      port: 0,
      auth: { tokens: { [serverToken]: ALL_SCOPES } },
    });
    try {
      const target = { target: server.baseUrl, control: server.controlUrl, services: ['dai'] };
      const withHeader = await runConformance({
        ...target,
        clauses,
        headers: { Authorization: `Bearer ${serverToken}` },
      });
      const without = await runConformance({ ...target, clauses });
      expect(withHeader.target).toMatchObject({ kind: 'url', auth: 'headers' });
      expect(withHeader.summary.verdict).toBe('conformant');
      expect(without.summary.verdict).toBe('not-conformant');
      const text = JSON.stringify(withHeader);
      expect(text).not.toContain(serverToken);
      expect(text).not.toContain(encodeURIComponent(serverToken));
    } finally {
      await server.close();
    }
  }, 120_000);
});

function setEnv(values: Readonly<Record<string, string | undefined>>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}
