/**
 * docs/LIVE.md, "Against a local emulator or stand-in": its command, run as written against the
 * loopback stand-in for Google's front end (tools/testing/google-stand-in.ts) in place of
 * `127.0.0.1:9090`, with a token the stand-in issued. And what a parent the credentials may not
 * read does to the probes: 403 PERMISSION_DENIED comes before existence (AIP-193), so the cells
 * are INCONCLUSIVE, naming the parent and the permission (or scope) lacking, never FAIL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellResult } from '#reports';
import { readRepositoryFile } from '../../tools/testing/doc-command-lines.ts';
import { type GoogleStandIn, startGoogleStandIn } from '../../tools/testing/google-stand-in.ts';
import { type CliRun, runCli } from '../../tools/testing/run-cli.ts';
import { TokenAuthority } from '../../tools/testing/token-authority.ts';

const DOC = readRepositoryFile('docs/LIVE.md');
const DOC_ENDPOINT = 'http://127.0.0.1:9090';
const SCOPES = [
  'https://www.googleapis.com/auth/checks',
  'https://www.googleapis.com/auth/cloud-platform',
];

/** The doc's command after `export EMULATOR_TOKEN=…`: its arguments after `npx lro-conformance`. */
function documentedArgs(): string[] {
  const block = [...DOC.matchAll(/```sh\n([\s\S]*?)```/g)]
    .map((match) => match[1] ?? '')
    .find((text) => text.includes(`--endpoint checks=${DOC_ENDPOINT}`));
  expect(block, 'docs/LIVE.md shows the emulator command').toBeDefined();
  const command = (block ?? '')
    .replaceAll('\\\n', ' ')
    .split('\n')
    .find((line) => line.startsWith('npx lro-conformance '));
  return shellWords(command?.replace('npx lro-conformance ', '') ?? '');
}

/** Words as sh splits them, with '…' quoting (all the doc's command uses). */
function shellWords(text: string): string[] {
  return (text.match(/'[^']*'|[^\s']+/g) ?? []).map((word) => word.replace(/^'(.*)'$/, '$1'));
}

let standIn: GoogleStandIn;
const authority = new TokenAuthority();
let owner: string;
let stranger: string;
let unscoped: string;

beforeAll(async () => {
  standIn = await startGoogleStandIn({ authority });
  owner = authority.issue('emulator-user', SCOPES);
  authority.allowParents('emulator-user', ['accounts/123/apps/456']);
  stranger = authority.issue('someone-else', SCOPES);
  authority.allowParents('someone-else', ['accounts/1/apps/2']);
  unscoped = authority.issue('no-scope', ['https://www.googleapis.com/auth/userinfo.email']);
  authority.allowParents('no-scope', ['accounts/123/apps/456']);
});
afterAll(() => standIn.close());

function runDocumented(token: string): Promise<CliRun> {
  const args = documentedArgs().map((arg) => arg.replace(DOC_ENDPOINT, standIn.baseUrl));
  return runCli(args, { env: { EMULATOR_TOKEN: token, METADATA_SERVER_DETECTION: 'none' } });
}

const judged = (run: CliRun): CellResult[] =>
  (run.results?.results ?? []).filter((cell) => cell.outcome !== 'SKIPPED');

describe("docs/LIVE.md's command against a local stand-in", () => {
  it('is a live run of checks through --endpoint, with the token from the environment', () => {
    const args = documentedArgs();
    expect(args.slice(0, 3)).toEqual(['run', '--live', '--probes-only']);
    expect(args).toContain(`checks=${DOC_ENDPOINT}`);
    expect(args).toContain('Authorization: Bearer $EMULATOR_TOKEN');
  });

  it('runs the probes there and exits 0, the token scrubbed from every output', async () => {
    const run = await runDocumented(owner);
    expect(run.complaints).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.results?.services).toEqual(['checks']);
    const outcomes = Object.fromEntries(judged(run).map((cell) => [cell.clause, cell.outcome]));
    expect(outcomes).toMatchObject({
      'errors/unknown-name-answers-not-found': 'PASS',
      'errors/request-without-credentials-answers-unauthenticated': 'PASS',
      'cancel/unknown-body-field-is-rejected': 'PASS',
    });
    expect(`${run.stdout}${run.stderr}${JSON.stringify(run.results)}`).not.toContain(owner);
    expect(standIn.requests.some((r) => r.headers.authorization === `Bearer ${owner}`)).toBe(true);
  }, 60_000);

  it('makes the probes INCONCLUSIVE under a parent the token may not read, naming parent and permission', async () => {
    const run = await runDocumented(stranger);
    // Judged on its probes, a run whose probes could not judge verified nothing.
    expect(run.exitCode).toBe(4);
    const cells = judged(run);
    // A 403 is never a FAIL: permission comes before existence, and before a name's shape.
    const fails = cells.filter((cell) => cell.outcome === 'FAIL').map((cell) => cell.message);
    expect(fails.filter((message) => /403|PERMISSION_DENIED/.test(message ?? ''))).toEqual([]);
    const inconclusive = cells.filter((cell) => cell.outcome === 'INCONCLUSIVE');
    expect(inconclusive.map((cell) => cell.clause).sort()).toEqual([
      'cancel/unknown-body-field-is-rejected',
      'errors/unknown-name-answers-not-found',
    ]);
    for (const cell of inconclusive) {
      expect(cell.message).toMatch(
        /^the probe accounts\/123\/apps\/456\/operations\/lro-conformance-absent-\w+ sits under --parent checks=accounts\/123\/apps\/456, which these credentials may not read: they lack the permission checks\.operations\.(get|cancel); 403 PERMISSION_DENIED says nothing about existence, which is checked after permission \(AIP-193\)/,
      );
    }
  }, 60_000);

  it('names the scope when the token lacks the documented one', async () => {
    const run = await runDocumented(unscoped);
    const notFound = judged(run).find(
      (cell) => cell.clause === 'errors/unknown-name-answers-not-found',
    );
    expect(notFound?.outcome).toBe('INCONCLUSIVE');
    expect(notFound?.message).toContain('ACCESS_TOKEN_SCOPE_INSUFFICIENT');
    expect(notFound?.message).toContain('--scope checks=SCOPE');
  }, 60_000);
});
