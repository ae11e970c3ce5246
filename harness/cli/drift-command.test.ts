/**
 * `lro-conformance drift` as a user meets it: stored and edited Discovery documents read from
 * files and loopback URLs, every output format, and exit codes that keep drift (1), usage
 * mistakes (2) and unreadable documents (3) apart.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LroError } from '#base';
import { loadServiceProfiles } from '#specs';
import {
  closedPort,
  type LoopbackServer,
  serveAnswers,
} from '../../tools/testing/canned-answers-server.ts';
import { type CliRun, inBatches, runCli } from '../../tools/testing/run-cli.ts';
import type { DriftReport } from '../drift/drift-report.ts';
import {
  CHECKS,
  edited,
  FUSION_METHODS,
  FUSION_NEW,
  FUSION_OLD,
  stored,
} from '../drift/fixtures/discovery-documents.ts';
import { parseDriftArgs } from './drift-command.ts';

const STORED = fileURLToPath(new URL('../../specs/discovery/', import.meta.url));
const OLD = join(STORED, FUSION_OLD);
const NEW = join(STORED, FUSION_NEW);

let server: LoopbackServer;
let dir: string;
let closed: number;
const runs = new Map<string, CliRun>();

const SCENARIOS: Readonly<Record<string, () => readonly string[]>> = {
  unchanged: () => [
    'drift',
    '--service',
    'checks,datafusion',
    '--discovery',
    `checks=${server.baseUrl}/checks`,
    '--discovery',
    `datafusion=${NEW}`,
  ],
  real: () => [
    'drift',
    '--service',
    'datafusion',
    '--discovery',
    `datafusion=${OLD}`,
    '--format',
    'json',
  ],
  realBreakingOnly: () => [
    'drift',
    '--service',
    'datafusion',
    '--discovery',
    `datafusion=${OLD}`,
    '--fail-on',
    'breaking',
  ],
  textDrift: () => [
    'drift',
    '--service',
    'datafusion',
    '--discovery',
    `datafusion=${join(dir, 'reworded.json')}`,
    '--format',
    'markdown',
  ],
  denied: () => [
    'drift',
    '--service',
    'checks,datafusion',
    '--discovery',
    `checks=${server.baseUrl}/denied?key=AIzaSECRET`,
    '--discovery',
    `datafusion=${NEW}`,
  ],
  deniedAndDrift: () => [
    'drift',
    '--service',
    'checks,datafusion',
    '--discovery',
    `checks=http://127.0.0.1:${closed}/checks`,
    '--discovery',
    `datafusion=${OLD}`,
  ],
  notJson: () => [
    'drift',
    '--service',
    'datafusion',
    '--discovery',
    `datafusion=${join(dir, 'broken.json')}`,
  ],
};

beforeAll(async () => {
  server = await serveAnswers({
    '/checks': { body: JSON.stringify(stored(CHECKS)) },
    '/denied': { status: 403, body: '{"error":{"code":403,"status":"PERMISSION_DENIED"}}' },
  });
  closed = await closedPort();
  dir = mkdtempSync(join(tmpdir(), 'lro-drift-cli-'));
  const cancel = [...FUSION_METHODS, 'cancel', 'description'];
  const reworded = edited(stored(FUSION_NEW), [
    cancel,
    'Starts asynchronous cancellation. On successful cancellation, the operation is deleted.',
  ]);
  writeFileSync(join(dir, 'reworded.json'), JSON.stringify(reworded));
  writeFileSync(join(dir, 'broken.json'), '{"kind": "discovery#restDescription",');
  const names = Object.keys(SCENARIOS);
  const results = await inBatches(
    names.map((name) => () => runCli(SCENARIOS[name]?.() ?? [])),
    2,
  );
  names.forEach((name, index) => {
    const run = results[index];
    if (run) runs.set(name, run);
  });
}, 180_000);
afterAll(() => server.close());

const run = (name: string): CliRun => {
  const found = runs.get(name);
  if (found === undefined) throw new Error(`no run ${name}`);
  return found;
};

describe('lro-conformance drift', () => {
  it('reports no drift and exits 0 when the documents are the revisions the specs record', () => {
    const { exitCode, stdout, stderr } = run('unchanged');
    expect(stderr).toBe('');
    expect(stdout).toContain(`checks      ${server.baseUrl}/checks (revision 20230807): no drift`);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('no drift in 2 documents compared');
    expect(exitCode).toBe(0);
  });

  it('reports the real drift of the older datafusion revision as JSON, exit 1', () => {
    const { exitCode, stdout } = run('real');
    const report = JSON.parse(stdout) as DriftReport;
    expect(report.changes.map((c) => [c.check, c.level, c.subject])).toEqual([
      ['query-parameter-removed', 'changed', 'datafusion.projects.locations.operations.list'],
    ]);
    expect(report.services).toEqual([
      expect.objectContaining({
        service: 'datafusion',
        status: 'compared',
        revision: '20230627',
        source: OLD,
      }),
    ]);
    expect(exitCode).toBe(1);
  });

  it('exits 0 with --fail-on breaking when nothing breaking changed', () => {
    const { exitCode, stdout } = run('realBreakingOnly');
    expect(stdout).toContain(
      'DRIFT: 0 breaking, 1 changed, 0 info (none at or above --fail-on breaking)',
    );
    expect(exitCode).toBe(0);
  });

  it('shows the clauses whose quoted sentences moved, in Markdown', () => {
    const { exitCode, stdout } = run('textDrift');
    expect(stdout).toContain(
      '### datafusion: datafusion.projects.locations.operations.cancel description',
    );
    expect(stdout).toContain('| breaking | `quoted-text-removed` | datafusion |');
    expect(stdout).toContain('`cancel/cancelled-operation-is-not-deleted`');
    expect(exitCode).toBe(1);
  });

  it('exits 3, with one line naming the document, when one cannot be fetched and nothing drifted', () => {
    const { exitCode, stdout, stderr } = run('denied');
    expect(stderr).toBe(
      `lro-conformance drift: checks: ${server.baseUrl}/denied?key=[REDACTED] answered HTTP 403 PERMISSION_DENIED: the document is not public; it needs an API key or credentials (docs/DRIFT.md)\n`,
    );
    expect(stdout).toContain('datafusion  ');
    expect(stdout).toContain('no drift in 1 document compared; 1 document could not be read');
    expect(`${stdout}${stderr}`).not.toContain('AIzaSECRET');
    expect(exitCode).toBe(3);
  });

  it('exits 1 when a document drifted even if another could not be fetched', () => {
    const { exitCode, stderr } = run('deniedAndDrift');
    expect(stderr).toBe(
      `lro-conformance drift: checks: http://127.0.0.1:${closed}/checks cannot be fetched (ECONNREFUSED)\n`,
    );
    expect(exitCode).toBe(1);
  });

  it('exits 2, as for every file a command is given, when a --discovery FILE is not JSON', () => {
    const { exitCode, stdout, stderr } = run('notJson');
    expect(stderr).toMatch(
      /^lro-conformance drift: datafusion: .*broken\.json is not JSON \(.*\)\n$/,
    );
    expect(stdout).toBe('');
    expect(exitCode).toBe(2);
  });
});

describe('lro-conformance drift refuses bad input with one line, exit 2', () => {
  const all = loadServiceProfiles();

  it.for([
    ['an unknown service', ['--service', 'checks,nope'], /^unknown service "nope" \(known: /],
    [
      'a --discovery without a service',
      ['--discovery', 'x.json'],
      /^--discovery takes SERVICE=URL or SERVICE=FILE; got "x.json"$/,
    ],
    [
      'a --discovery for a service left out',
      ['--service', 'checks', '--discovery', 'dai=d.json'],
      /^--discovery names dai, which --service leaves out$/,
    ],
    [
      'a service named twice',
      ['--discovery', 'dai=a.json', '--discovery', 'dai=b.json'],
      /^--discovery names dai twice$/,
    ],
    [
      'an unknown format',
      ['--format', 'xml'],
      /^unknown --format value "xml" \(allowed: text, json, markdown\)$/,
    ],
    [
      'an unknown --fail-on',
      ['--fail-on', 'info'],
      /^unknown --fail-on value "info" \(allowed: breaking, any\)$/,
    ],
    ['a timeout that is not a number', ['--timeout', 'soon'], /^--timeout must be an integer/],
    ['a positional argument', ['checks'], /^Unexpected argument 'checks'/],
  ] as const)('%s', ([, args, message]) => {
    let error: unknown;
    try {
      parseDriftArgs(args, all);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LroError);
    expect((error as LroError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(message);
  });

  it('as a process: one line on stderr and exit 2; --help prints the exit codes', async () => {
    const [bad, help] = await Promise.all([
      runCli(['drift', '--service', 'nope']),
      runCli(['drift', '--help']),
    ]);
    expect(bad.stderr).toMatch(/^lro-conformance drift: unknown service "nope" \(known: .*\)\n$/);
    expect(bad.exitCode).toBe(2);
    expect(help.stdout).toContain('--discovery SERVICE=URL|FILE');
    expect(help.stdout).toContain('3 a Discovery document');
    expect(help.exitCode).toBe(0);
  }, 30_000);
});
