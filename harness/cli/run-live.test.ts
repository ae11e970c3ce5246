/**
 * `lro-conformance run --live` as a user meets it, against loopback stand-ins for Google: the
 * front end (tools/testing/google-stand-in.ts) for every service through `--endpoint`, and
 * Application Default Credentials from a stand-in metadata server (`GCE_METADATA_HOST`). Nothing
 * leaves the machine. The stand-in logs every request unscrubbed, which is what these tests read
 * to show what a live run sends: no cancel of an existing operation by default, exactly one with
 * `--allow-cancel`, no token anywhere in what the run writes, and a recording that replays to the
 * same outcomes.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '#reports';
import { loadServiceProfiles, matchName, parseSegmentsTemplate, serviceIds } from '#specs';
import { type GoogleStandIn, startGoogleStandIn } from '../../tools/testing/google-stand-in.ts';
import type { LoggedRequest } from '../../tools/testing/loopback-server.ts';
import {
  METADATA_PRINCIPAL,
  type MetadataServerStandIn,
  startMetadataServerStandIn,
} from '../../tools/testing/metadata-server-stand-in.ts';
import { REFERENCE_PARENTS } from '../../tools/testing/reference-parents.ts';
import { type CliRun, outcomesOf, runCli } from '../../tools/testing/run-cli.ts';
import { TokenAuthority } from '../../tools/testing/token-authority.ts';
import { startReferenceServer } from '../reference/reference-server.ts';

const PARENTS = REFERENCE_PARENTS;
const CANARY_KEY = 'canary-api-key-5e1d0c2a';
const CANARY_QUOTA = 'canary-quota-project-77b3';

const authority = new TokenAuthority();
let standIn: GoogleStandIn;
let metadata: MetadataServerStandIn;
let dir: string;
/** Operations that exist before the runs: running ones no default run may cancel. */
const existing: Record<string, string> = {};
let cancellable: string;
let readable: string;

function liveArgs(...extra: string[]): string[] {
  return [
    'run',
    '--live',
    ...serviceIds().flatMap((id) => ['--endpoint', `${id}=${standIn.baseUrl}`]),
    ...Object.entries(PARENTS).flatMap(([id, parent]) => ['--parent', `${id}=${parent}`]),
    '--max-rps',
    '500',
    '--settle',
    '200',
    ...extra,
  ];
}

const ADC_ENV = () => ({
  GCE_METADATA_HOST: metadata.hostPort,
  METADATA_SERVER_DETECTION: 'assume-present',
  GOOGLE_APPLICATION_CREDENTIALS: undefined,
  GOOGLE_CLOUD_QUOTA_PROJECT: undefined,
  CLOUDSDK_CONFIG: dir,
  CANARY_KEY,
});

/** The stand-in's log of one run, as `METHOD path` lines. */
interface Logged {
  readonly run: CliRun;
  readonly requests: readonly string[];
  readonly raw: readonly LoggedRequest[];
}

async function logged(run: () => Promise<CliRun>): Promise<Logged> {
  standIn.clearLog();
  const done = await run();
  const raw = [...standIn.requests];
  return { run: done, requests: raw.map((r) => `${r.method} ${r.path}`), raw };
}

let plain: Logged;
let allowing: Logged;
let replayed: CliRun;
let enveloped: CliRun;
let canary: { run: CliRun; files: Record<string, string> };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lro-live-'));
  standIn = await startGoogleStandIn({ authority, cancelDelayMs: 0, echoCredentials: true });
  metadata = await startMetadataServerStandIn({ authority });
  authority.allowParents(METADATA_PRINCIPAL, Object.values(PARENTS));
  for (const id of serviceIds()) existing[id] = standIn.model.createOperation(id, 'running');
  cancellable = standIn.model.createOperation('checks', 'running');
  readable = standIn.model.createOperation('datafusion', 'done');

  plain = await logged(() => runCli(liveArgs(), { env: ADC_ENV() }));
  const reference = await startReferenceServer({ port: 0 });
  try {
    enveloped = await runCli([
      'run',
      '--live',
      '--auth',
      'none',
      '--max-rps',
      '500',
      '--probes-only',
      ...serviceIds().flatMap((id) => ['--endpoint', `${id}=${reference.baseUrl}`]),
    ]);
  } finally {
    await reference.close();
  }
  const recordDir = join(dir, 'recorded');
  allowing = await logged(() =>
    runCli(
      liveArgs(
        '--allow-cancel',
        `checks=${cancellable}`,
        '--operation',
        `datafusion=${readable}`,
        '--record',
        join(dir, 'session.har'),
      ),
      { env: ADC_ENV(), reportDir: recordDir },
    ),
  );
  replayed = await runCli(['run', '--target', `replay:${join(dir, 'session.har')}`], {
    env: { GCE_METADATA_HOST: undefined, METADATA_SERVER_DETECTION: 'none' },
  });
  const canaryDir = join(dir, 'canary');
  mkdirSync(canaryDir);
  const canaryRun = await runCli(
    liveArgs(
      '--header',
      'X-Goog-Api-Key: $CANARY_KEY',
      '--quota-project',
      CANARY_QUOTA,
      '--allow-cancel',
      `checks=${standIn.model.createOperation('checks', 'running')}`,
      '--record',
      join(canaryDir, 'canary.har'),
    ),
    { env: ADC_ENV(), reportDir: canaryDir },
  );
  canary = {
    run: canaryRun,
    files: Object.fromEntries(
      readdirSync(canaryDir).map((name) => [name, readFileSync(join(canaryDir, name), 'utf8')]),
    ),
  };
}, 240_000);

afterAll(async () => {
  await standIn.close();
  await metadata.close();
  rmSync(dir, { recursive: true, force: true });
});

function cell(results: RunResults | undefined, service: string, clause: string) {
  return results?.results.find((c) => c.service === service && c.clause === clause);
}

describe('a default live run (probes only)', () => {
  it('gives probe outcomes for all five services; having passed no MUST cell, it is not verified, exit 4', () => {
    expect(plain.run.complaints).toEqual([]);
    expect(plain.run.exitCode).toBe(4);
    expect(plain.run.stdout).toContain('not verified: no MUST cell passed');
    const results = plain.run.results;
    expect(results?.target).toMatchObject({ kind: 'live', auth: 'adc' });
    for (const service of serviceIds()) {
      expect(cell(results, service, 'errors/unknown-name-answers-not-found')?.outcome).toBe('PASS');
      expect(
        cell(results, service, 'errors/request-without-credentials-answers-unauthenticated')
          ?.outcome,
      ).toBe('PASS');
      // Only bindings that read a body (`body: "*"`) are held to rejecting an unknown field.
      expect(cell(results, service, 'cancel/unknown-body-field-is-rejected')?.outcome).toBe(
        ['checks', 'datafusion'].includes(service) ? 'PASS' : 'NOT_APPLICABLE',
      );
    }
  });

  it('skips what needs a control endpoint or a named operation, naming the flag', () => {
    const results = plain.run.results;
    expect(cell(results, 'checks', 'cancel/accepts-request-without-body')).toMatchObject({
      outcome: 'SKIPPED',
      message: expect.stringContaining('--control URL'),
    });
    expect(cell(results, 'checks', 'cancel/cancelled-operation-has-error-code-1')).toMatchObject({
      outcome: 'SKIPPED',
      message: expect.stringContaining('--allow-cancel checks=NAME'),
    });
    expect(cell(results, 'dai', 'get/existing-operation-reads-back-consistently')).toMatchObject({
      outcome: 'SKIPPED',
      message: expect.stringContaining('--operation dai=NAME'),
    });
  });

  it('sends no cancel to an operation that exists: only to absent and malformed names', () => {
    const cancelled = plain.requests
      .filter((line) => line.startsWith('POST'))
      .map((line) => /^POST \/v1[a-z]*\/(.*):cancel$/.exec(line)?.[1] ?? line);
    expect(cancelled.length).toBeGreaterThan(0);
    const templates = loadServiceProfiles().map((p) => parseSegmentsTemplate(p.nameTemplate));
    for (const name of cancelled) {
      expect(Object.values(existing)).not.toContain(name);
      const absent = /\/lro-conformance-absent-[0-9a-z]{8}$/.test(name);
      const fits = templates.some((template) => matchName(template, name));
      expect(absent || !fits, `${name} could name an operation`).toBe(true);
    }
    for (const name of Object.values(existing)) {
      expect(plain.requests.filter((line) => line.includes(name))).toEqual([]);
    }
  });

  // Each distinct probe once per service: GetOperation and cancel of the absent name, one GET
  // without credentials, a cancel with an unknown body field where the binding reads a body, and
  // GetOperation and cancel of each malformed name (three, and the absent name with an encoded
  // separator, first and last) until the malformed-name clause meets an answer it does not accept.
  it('stays at about a dozen requests per service, every one counted and printed', () => {
    // The stand-in answers unrouted names with Google's HTML 404 page and routed malformed ones
    // with 400, both rejections: every probe is sent.
    const requests = plain.run.results?.requests ?? {};
    expect(requests).toEqual({
      admanager: 13,
      adsdatahub: 11,
      checks: 14,
      dai: 11,
      datafusion: 14,
    });
    const total = Object.values(requests).reduce((a, b) => a + b, 0);
    expect(plain.requests).toHaveLength(total);
    expect(plain.run.stderr).toMatch(/^requests sent: .*checks 14/m);
  });

  it('sends every probe once to a front end that answers every probe with an envelope, and passes --probes-only, exit 0', () => {
    expect(enveloped.exitCode).toBe(0);
    expect(enveloped.results?.requests).toEqual({
      admanager: 13,
      adsdatahub: 11,
      checks: 14,
      dai: 11,
      datafusion: 14,
    });
  });
});

describe('--allow-cancel and --operation', () => {
  it('prints the operation it will cancel before the run starts', () => {
    const [first] = allowing.run.stderr.split('\n');
    expect(first).toBe(`will cancel (--allow-cancel), once: checks ${cancellable}`);
  });

  it('cancels exactly the named operation, exactly once, with no body', () => {
    // Every other cancel is a probe: of an absent name, or of a name no template fits.
    const templates = loadServiceProfiles().map((p) => parseSegmentsTemplate(p.nameTemplate));
    const cancels = allowing.requests.filter((line) => {
      const name = /^POST \/v1[a-z]*\/(.*):cancel$/.exec(line)?.[1];
      if (name === undefined) return false;
      const fits = templates.some((template) => matchName(template, decodeURIComponent(name)));
      return fits && !/lro-conformance-absent/.test(name);
    });
    expect(cancels).toEqual([`POST /v1alpha/${cancellable}:cancel`]);
    const sent = allowing.raw.find((request) => request.path.endsWith(`${cancellable}:cancel`));
    expect(sent?.body).toBeUndefined();
    expect(sent?.headers['content-length'] ?? '0').toBe('0');
    for (const name of Object.values(existing)) {
      expect(allowing.requests.filter((line) => line.includes(name))).toEqual([]);
    }
    expect(
      allowing.requests.filter((line) => line.includes(readable) && !line.startsWith('GET')),
    ).toEqual([]);
  });

  it('judges the one cancel in every cancel-state clause, and reads the named operation', () => {
    const results = allowing.run.results;
    for (const clause of [
      'cancel/cancellation-is-observed-through-get-operation',
      'cancel/cancelled-operation-has-error-code-1',
      'cancel/cancelled-operation-is-not-deleted',
      'cancel/success-answers-200',
      'cancel/success-body-is-empty',
    ]) {
      const judged = cell(results, 'checks', clause);
      expect(judged?.outcome, clause).toBe('PASS');
      expect(judged?.evidence?.[0]?.request.url).toContain(`${cancellable}:cancel`);
    }
    expect(
      cell(results, 'datafusion', 'get/existing-operation-reads-back-consistently')?.outcome,
    ).toBe('PASS');
    expect(allowing.run.exitCode).toBe(0);
  });

  it('replays the recording offline with the same outcomes', () => {
    expect(replayed.complaints).toEqual([]);
    expect(replayed.results?.target).toMatchObject({ kind: 'replay' });
    expect(replayed.results && outcomesOf(replayed.results)).toEqual(
      allowing.run.results && outcomesOf(allowing.run.results),
    );
    expect(replayed.exitCode).toBe(allowing.run.exitCode);
    expect(replayed.results?.requests).toEqual(allowing.run.results?.requests);
  });
});

describe('nothing secret leaves', () => {
  it('used the canaries: the stand-in received the key, the quota project and ADC tokens', () => {
    expect(canary.run.exitCode).toBe(0);
    expect(Object.keys(canary.files).sort()).toEqual(
      ['canary.har', 'junit.xml', 'matrix.md', 'report.html', 'results.json'].sort(),
    );
    expect(authority.grants.length).toBeGreaterThan(1);
  });

  it('writes no token, key or quota project to stdout, stderr or any file', () => {
    const secrets = [CANARY_KEY, CANARY_QUOTA, ...authority.grants.map((grant) => grant.token)];
    const outputs = { stdout: canary.run.stdout, stderr: canary.run.stderr, ...canary.files };
    for (const [where, text] of Object.entries(outputs)) {
      for (const secret of secrets) {
        expect(text.includes(secret), `${where} holds a secret`).toBe(false);
        expect(text.includes(encodeURIComponent(secret)), `${where} holds a secret`).toBe(false);
      }
    }
    // The stand-in echoed them into error bodies: the scrubber took them out by value.
    expect(canary.files['results.json']).toContain(
      '(you sent [REDACTED] and [REDACTED] and [REDACTED])',
    );
  });
});
