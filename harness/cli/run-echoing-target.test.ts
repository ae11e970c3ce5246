/**
 * A target that echoes the credentials it is sent, in the encodings careless front ends use
 * (base64, base64url, hex, URL encoding; the header whole or the token alone), must not get
 * them into any output: stdout, stderr, results.json, matrix.md, junit.xml, report.html and the
 * HAR of `--record` (SECURITY.md). Credentials in a URL are refused in one line that does not
 * repeat them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ECHO_ENCODINGS,
  type HostileServer,
  startEchoingServer,
} from '../../tools/testing/hostile-servers.ts';
import { type CliRun, runCli } from '../../tools/testing/run-cli.ts';

const TOKEN = 'tok-Echo.Canary_7f3a9c41d2';
const API_KEY = 'key-canary-5e1d7b29c0aa';
const QUOTA_PROJECT = 'quota-canary-81d0';

/** Every trace of `secret` in an encoded text: its encodings, and the base64 of it within more. */
function tracesOf(secret: string): string[] {
  const traces: string[] = Object.values(ECHO_ENCODINGS).map((encode) => encode(secret));
  for (let shift = 0; shift < 3; shift += 1) {
    const encoded = Buffer.concat([Buffer.alloc(shift), Buffer.from(secret)]).toString('base64');
    // The middle of what encodes the secret at this offset, whatever surrounds it.
    const middle = encoded.slice(Math.ceil((8 * shift) / 6) + 1, -3);
    traces.push(middle, middle.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return traces;
}

describe('lro-conformance run against a target that echoes credentials', () => {
  let echo: HostileServer;
  let dir: string;
  let run: CliRun;

  beforeAll(async () => {
    echo = await startEchoingServer();
    dir = mkdtempSync(join(tmpdir(), 'lro-echo-'));
    run = await runCli(
      [
        'run',
        ...['--target', echo.baseUrl, '--control', 'none', '--service', 'checks,dai'],
        ...['--settle', '0', '--probes-only'],
        ...['--header', 'Authorization: Bearer $LRO_ECHO_TOKEN'],
        ...['--header', 'x-goog-api-key: $LRO_ECHO_KEY'],
        ...['--header', `x-goog-user-project: ${QUOTA_PROJECT}`],
        ...['--record', join(dir, 'session.har')],
      ],
      {
        reportDir: join(dir, 'report'),
        env: { LRO_ECHO_TOKEN: TOKEN, LRO_ECHO_KEY: API_KEY },
      },
    );
  }, 120_000);
  afterAll(async () => {
    await echo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sent the credentials, and was answered with them in every encoding', () => {
    expect(run.complaints).toEqual([]);
    expect(echo.received()).toBeGreaterThan(0);
    expect(run.results?.results.length).toBeGreaterThan(0);
  });

  it.for([
    'stdout',
    'stderr',
    'report/results.json',
    'report/matrix.md',
    'report/junit.xml',
    'report/report.html',
    'session.har',
  ])('keeps every encoding of every credential out of %s', (output) => {
    const text =
      output === 'stdout'
        ? run.stdout
        : output === 'stderr'
          ? run.stderr
          : readFileSync(join(dir, output), 'utf8');
    expect(text.length).toBeGreaterThan(0);
    for (const secret of [TOKEN, API_KEY, QUOTA_PROJECT]) {
      for (const trace of tracesOf(secret)) {
        expect(text, `${output} holds ${trace} (from ${secret})`).not.toContain(trace);
      }
    }
  });

  it.for<[string, string, string]>([
    ['--target', 'http://alice:s3cretPassw0rd@127.0.0.1:9', 's3cretPassw0rd'],
    ['--target', 'http://127.0.0.1:9/api?key=AKEYVALUE12345', 'AKEYVALUE12345'],
    ['--control', 'http://bob:hunter2hunter2@127.0.0.1:9/__control', 'hunter2hunter2'],
    ['--control', 'http://127.0.0.1:9/__control?token=TOKVAL99abc', 'TOKVAL99abc'],
    ['--target', 'ftp://alice:s3cretPassw0rd@127.0.0.1:9', 's3cretPassw0rd'],
  ])(
    'refuses %s with credentials in its URL in one line that does not repeat them',
    async ([flag, url, secret]) => {
      const args =
        flag === '--target' ? [flag, url] : ['--target', 'http://127.0.0.1:9', flag, url];
      const refused = await runCli(['run', ...args]);
      expect(refused.exitCode).toBe(2);
      expect(refused.complaints).toHaveLength(1);
      expect(`${refused.stdout}${refused.stderr}`).not.toContain(secret);
    },
  );
});
