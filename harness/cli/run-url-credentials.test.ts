/**
 * Credentials for a URL target: the reference server requiring bearer tokens (what
 * `serve --token TOKEN=SCOPES` starts) passes the whole suite when the run sends the token with
 * `--header 'Authorization: Bearer $TOKEN'`, and when it sends Application Default Credentials
 * (`--auth adc`) from a stand-in metadata server that hands out that token. Without credentials
 * the same server fails the run, which shows the credentials are what made it pass.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServiceProfiles } from '#specs';
import {
  type MetadataServerStandIn,
  startMetadataServerStandIn,
} from '../../tools/testing/metadata-server-stand-in.ts';
import { type CliRun, inBatches, runCli } from '../../tools/testing/run-cli.ts';
import { TokenAuthority } from '../../tools/testing/token-authority.ts';
import { CLOUD_PLATFORM_SCOPE } from '../http/auth/service-scopes.ts';
import { type ReferenceServer, startReferenceServer } from '../reference/reference-server.ts';

const TOKEN = 'serve-token-1b8f43a2c9';

/** A metadata server whose every token is the one the reference server was started with. */
class OneTokenAuthority extends TokenAuthority {
  override issue(principal: string, scopes: readonly string[], via = 'direct'): string {
    super.issue(principal, scopes, via);
    return TOKEN;
  }
}

let server: ReferenceServer;
let metadata: MetadataServerStandIn;
let dir: string;
const runs: Record<string, CliRun> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lro-url-credentials-'));
  const scopes = [
    ...new Set([
      CLOUD_PLATFORM_SCOPE,
      ...loadServiceProfiles().flatMap((profile) => [
        ...profile.cancel.scopes,
        ...profile.get.scopes,
      ]),
    ]),
  ];
  server = await startReferenceServer({ port: 0, auth: { tokens: { [TOKEN]: scopes } } });
  metadata = await startMetadataServerStandIn({ authority: new OneTokenAuthority() });
  const target = ['run', '--target', server.baseUrl, '--control', server.controlUrl];
  const noAdc = { METADATA_SERVER_DETECTION: 'none', GOOGLE_APPLICATION_CREDENTIALS: undefined };
  const jobs: [string, () => Promise<CliRun>][] = [
    [
      'header',
      () =>
        runCli([...target, '--header', 'Authorization: Bearer $LRO_TEST_TOKEN'], {
          env: { ...noAdc, LRO_TEST_TOKEN: TOKEN },
        }),
    ],
    [
      'adc',
      () =>
        runCli([...target, '--auth', 'adc'], {
          env: {
            GCE_METADATA_HOST: metadata.hostPort,
            METADATA_SERVER_DETECTION: 'assume-present',
            GOOGLE_APPLICATION_CREDENTIALS: undefined,
            CLOUDSDK_CONFIG: dir,
          },
        }),
    ],
    ['none', () => runCli([...target, '--clause', 'cancel/*'], { env: noAdc })],
  ];
  const done = await inBatches(
    jobs.map(([, job]) => job),
    2,
  );
  jobs.forEach(([key], index) => {
    const run = done[index];
    if (run) runs[key] = run;
  });
}, 180_000);

afterAll(async () => {
  await server.close();
  await metadata.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.for(['header', 'adc'] as const)('a URL target with credentials (%s)', (kind) => {
  it('passes the whole suite against the reference requiring a token, exit 0', () => {
    const run = runs[kind];
    expect(run?.complaints).toEqual([]);
    const bad = (run?.results?.results ?? []).filter(
      (cell) => cell.outcome !== 'PASS' && cell.outcome !== 'NOT_APPLICABLE',
    );
    expect(
      bad.map((cell) => `${cell.service} ${cell.clause}: ${cell.outcome} ${cell.message}`),
    ).toEqual([]);
    expect(run?.exitCode).toBe(0);
    expect(run?.results?.target).toMatchObject({
      kind: 'url',
      auth: kind === 'header' ? 'headers' : 'adc',
    });
  });

  it('judges the request without credentials: 401 with a challenge', () => {
    const cells = (runs[kind]?.results?.results ?? []).filter(
      (cell) => cell.clause === 'errors/request-without-credentials-answers-unauthenticated',
    );
    expect(cells.map((cell) => cell.outcome)).toEqual(['PASS', 'PASS', 'PASS', 'PASS', 'PASS']);
  });

  it('never shows the token', () => {
    const run = runs[kind];
    expect(
      `${run?.stdout}${run?.stderr}${JSON.stringify(run?.results)}${run?.junit}`,
    ).not.toContain(TOKEN);
  });
});

describe('the same target without credentials', () => {
  it('fails: the cancels are refused with 401', () => {
    const run = runs.none;
    expect(run?.exitCode).toBe(1);
    expect(
      run?.results?.results.find((cell) => cell.clause === 'cancel/accepts-request-without-body')
        ?.message,
    ).toMatch(/answered 401/);
  });
});
