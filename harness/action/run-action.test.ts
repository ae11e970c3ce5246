/**
 * The GitHub Action's step run locally, as the runner runs it: `lro-conformance-action` with the
 * `INPUT_*` variables action.yml sets and `GITHUB_STEP_SUMMARY` / `GITHUB_OUTPUT` pointing at
 * temporary files, against a failing run (an injected fault), a passing one and one that stops
 * on a usage error. The workflow-command escaping and the input parsing are checked directly.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '#base';
import { startGoogleStandIn } from '../../tools/testing/google-stand-in.ts';
import { readGithubOutput } from '../../tools/testing/read-github-output.ts';
import { TokenAuthority } from '../../tools/testing/token-authority.ts';
import { parseRunOptions } from '../options/run-options.ts';
import { actionInputs, splitArgs } from './action-inputs.ts';
import { annotation, appendOutput, escapeData, escapeProperty } from './workflow-commands.ts';

const BIN = fileURLToPath(new URL('./bin.ts', import.meta.url));

interface StepRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly summary: string;
  readonly outputs: Record<string, string>;
  readonly commands: readonly string[];
}

const workspace = mkdtempSync(join(tmpdir(), 'lro-action-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** Runs the step in `workspace/<dir>` with these inputs and fresh summary and output files. */
function runStep(dir: string, inputs: Record<string, string>): Promise<StepRun> {
  const cwd = join(workspace, dir);
  mkdirSync(cwd, { recursive: true });
  const summaryFile = join(cwd, '..', `${dir}-summary.md`);
  const outputFile = join(cwd, '..', `${dir}-output.txt`);
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
  };
  for (const [name, value] of Object.entries(inputs)) env[name] = value;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN], { cwd, env }, (error, stdout, stderr) => {
      resolve({
        code: error === null ? 0 : Number(error.code),
        stdout,
        stderr,
        summary: readFileSync(summaryFile, 'utf8'),
        outputs: readGithubOutput(readFileSync(outputFile, 'utf8')),
        commands: stdout.split('\n').filter((line) => line.startsWith('::')),
      });
    });
  });
}

describe('lro-conformance-action', () => {
  let failing: StepRun;
  let passing: StepRun;

  beforeAll(async () => {
    [failing, passing] = await Promise.all([
      runStep('failing', {
        INPUT_SERVICES: 'checks,dai',
        INPUT_CLAUSES: 'cancel/*',
        INPUT_ARGS: '--fault cancel-deletes-the-operation',
      }),
      runStep('passing', { INPUT_SERVICES: 'dai', INPUT_REPORT_DIR: 'out/report' }),
    ]);
  }, 120_000);

  it('exits with the CLI exit code and sets the outputs: a failing run', () => {
    expect(failing.code).toBe(1);
    expect(failing.outputs).toEqual({
      'report-dir': join(workspace, 'failing', 'lro-report'),
      verdict: 'not-conformant',
      'exit-code': '1',
    });
  });

  it('appends the report matrix.md, failures grouped by cause, to the step summary', () => {
    const matrix = readFileSync(join(workspace, 'failing', 'lro-report', 'matrix.md'), 'utf8');
    expect(failing.summary).toBe(matrix);
    expect(failing.summary).toContain('Verdict: **NOT conformant');
    expect(failing.summary).toContain(
      '| `cancel/cancelled-operation-is-not-deleted` | MUST | **FAIL** | **FAIL** |',
    );
    expect(failing.summary).toMatch(/## Failures and undecided cells, grouped by cause \(\d+\)/);
  });

  it('emits one ::error per scored failing cell and a ::warning per unscored FAIL', () => {
    const errors = failing.commands.filter((line) => line.startsWith('::error '));
    const warnings = failing.commands.filter((line) => line.startsWith('::warning '));
    // cancel-deletes-the-operation fails 14 MUST and 7 SHOULD cells on the two services: every
    // accepted cancel is followed through GetOperation, which no longer finds the operation.
    expect(errors).toHaveLength(14);
    expect(warnings).toHaveLength(7);
    expect(errors).toContain(
      errors.find((line) =>
        line.startsWith(
          '::error title=FAIL dai cancel/cancelled-operation-is-not-deleted (MUST),file=failing/lro-report/results.json::',
        ),
      ),
    );
    for (const line of [...errors, ...warnings]) expect(line).not.toMatch(/[\r\n]/);
  });

  it('passes a passing run: exit 0, no annotations, verdict conformant', () => {
    expect(passing.code).toBe(0);
    expect(passing.commands).toEqual([]);
    expect(passing.outputs).toEqual({
      'report-dir': join(workspace, 'passing', 'out', 'report'),
      verdict: 'conformant',
      'exit-code': '0',
    });
    expect(passing.summary).toContain('Verdict: **conformant: every applicable MUST cell passed**');
    // The CLI's own output stays in the job log.
    expect(passing.stdout).toContain('conformant: every applicable MUST cell passed');
  });

  it('reports a run that stops before writing a report, and never an old report', async () => {
    // The same directory as the passing run: its report is still there, and must not count.
    const stopped = await runStep('passing', {
      INPUT_SERVICES: 'nope',
      INPUT_REPORT_DIR: 'out/report',
    });
    expect(stopped.code).toBe(2);
    expect(stopped.outputs).toEqual({
      'report-dir': join(workspace, 'passing', 'out', 'report'),
      verdict: '',
      'exit-code': '2',
    });
    expect(stopped.commands).toEqual([
      expect.stringMatching(
        /^::error title=lro-conformance run::lro-conformance run: unknown service "nope" \(known: /,
      ),
    ]);
    expect(stopped.summary).toMatch(
      /`lro-conformance run` exited 2 before writing a report: lro-conformance run: unknown service "nope"/,
    );
  }, 60_000);

  it('never takes a report stamped in the same second by another run for its own', async () => {
    // What an idle machine makes likely: the previous run in the directory started within the
    // second. Stamped in the future here, so no clock slack can pass it off as this run's.
    const dir = join(workspace, 'collision', 'lro-report');
    mkdirSync(dir, { recursive: true });
    const old = JSON.parse(
      readFileSync(join(workspace, 'passing', 'out', 'report', 'results.json'), 'utf8'),
    ) as { startedAt: string };
    old.startedAt = new Date(Date.now() + 60_000).toISOString();
    writeFileSync(join(dir, 'results.json'), JSON.stringify(old));
    writeFileSync(join(dir, 'matrix.md'), '# an earlier run\n');
    const stopped = await runStep('collision', { INPUT_SERVICES: 'nope' });
    expect(stopped.code).toBe(2);
    expect(stopped.outputs.verdict).toBe('');
    expect(stopped.summary).not.toContain('an earlier run');
  }, 60_000);

  it('refuses inputs it cannot turn into flags, exit 2', async () => {
    const bad = await runStep('bad-input', { INPUT_LIVE: 'yes' });
    expect(bad.code).toBe(2);
    expect(bad.commands).toEqual([
      '::error title=lro-conformance::input live must be true or false, not "yes"',
    ]);
    expect(bad.outputs['exit-code']).toBe('2');
  });
});

describe('lro-conformance-action in live mode, with a header from the environment', () => {
  // The Google stand-in repeats the credentials it is sent in its error bodies, which the
  // failures' evidence carries into the log, the summary and the annotations: only scrubbing
  // keeps the token out of them.
  it('passes the token through $NAME and never prints it', async () => {
    const authority = new TokenAuthority();
    const standIn = await startGoogleStandIn({ authority, echoCredentials: true });
    try {
      authority.allowParents('action-user', ['accounts/ref/apps/ref', 'operations']);
      const token = authority.issue('action-user', ['https://www.googleapis.com/auth/checks']);
      const run = await runStep('live-headers', {
        LRO_ACTION_TOKEN: token,
        INPUT_SERVICES: 'checks,dai',
        INPUT_LIVE: 'true',
        INPUT_ENDPOINTS: `checks=${standIn.baseUrl}\ndai=${standIn.baseUrl}`,
        INPUT_PARENTS: 'checks=accounts/ref/apps/ref\ndai=operations',
        INPUT_HEADERS: 'Authorization: Bearer $LRO_ACTION_TOKEN',
        INPUT_MAX_RPS: '500',
        // A live run without operations checks the probes only: it passes only when asked to.
        INPUT_PROBES_ONLY: 'true',
        INPUT_ARGS: '--auth none --settle 200',
      });
      const sent = standIn.requests.filter(
        (request) => request.headers.authorization === `Bearer ${token}`,
      );
      expect(sent.length).toBeGreaterThan(0);
      expect(run.outputs.verdict).toBe('conformant');
      const printed = [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)];
      const report = join(workspace, 'live-headers', 'lro-report');
      // The stand-in's echo reached the report's evidence, scrubbed.
      expect(readFileSync(join(report, 'results.json'), 'utf8')).toContain('[REDACTED]');
      for (const file of ['results.json', 'matrix.md', 'junit.xml', 'report.html']) {
        printed.push(readFileSync(join(report, file), 'utf8'));
      }
      for (const text of printed) {
        expect(text).not.toContain(token);
        expect(text).not.toContain(encodeURIComponent(token));
      }
    } finally {
      await standIn.close();
    }
  }, 120_000);

  it('stops on a header variable that is not set, without echoing the header', async () => {
    const run = await runStep('live-missing', {
      INPUT_TARGET: 'http://127.0.0.1:9',
      INPUT_HEADERS: 'X-Goog-Api-Key: literal-canary-$LRO_UNSET_VARIABLE',
    });
    expect(run.code).toBe(2);
    expect(run.commands).toEqual([
      '::error title=lro-conformance run::lro-conformance run: --header "X-Goog-Api-Key" uses $LRO_UNSET_VARIABLE, which is not set; export LRO_UNSET_VARIABLE or write the value directly',
    ]);
    expect(`${run.stdout}${run.stderr}${run.summary}`).not.toContain('literal-canary');
  });
});

describe('action inputs', () => {
  it('become run flags, empty ones left out, the report directory last but for args', () => {
    expect(
      actionInputs({
        INPUT_TARGET: 'http://127.0.0.1:8080',
        INPUT_CONTROL: '',
        INPUT_SERVICES: 'checks, dai',
        INPUT_FAIL_ON: 'should',
        INPUT_LIVE: 'true',
        INPUT_PARENTS: 'checks=accounts/1/apps/2\n  datafusion=projects/p/locations/l\n',
        INPUT_ALLOW_CANCEL: 'checks=accounts/1/apps/2/operations/9',
        INPUT_ARGS: `--header 'Authorization: Bearer $TOKEN' --max-rps 1`,
      }),
    ).toEqual({
      reportDir: 'lro-report',
      args: [
        ...['--target', 'http://127.0.0.1:8080', '--service', 'checks, dai'],
        ...['--fail-on', 'should', '--live'],
        ...[
          '--parent',
          'checks=accounts/1/apps/2',
          '--parent',
          'datafusion=projects/p/locations/l',
        ],
        ...['--allow-cancel', 'checks=accounts/1/apps/2/operations/9'],
        ...['--report-dir', 'lro-report'],
        ...['--header', 'Authorization: Bearer $TOKEN', '--max-rps', '1'],
      ],
    });
  });

  it('become flags `lro-conformance run` accepts, every input set', () => {
    const live = actionInputs({
      INPUT_SERVICES: 'checks,datafusion',
      INPUT_CLAUSES: 'errors/*',
      INPUT_STRENGTHS: 'must,should',
      INPUT_FAIL_ON: 'should',
      INPUT_REPORT_DIR: 'out',
      INPUT_LIVE: 'true',
      INPUT_PARENTS: 'checks=accounts/1/apps/2\ndatafusion=projects/p/locations/l',
      INPUT_ENDPOINTS: 'checks=http://127.0.0.1:1',
      INPUT_ALLOW_CANCEL: 'checks=accounts/1/apps/2/operations/9',
      INPUT_OPERATIONS: 'datafusion=projects/p/locations/l/operations/o',
      INPUT_QUOTA_PROJECT: 'billing-project',
      INPUT_MAX_RPS: '0.5',
      INPUT_HEADERS: 'X-Goog-Api-Key: literal-key\n\n  X-Trace: a b  \n',
      INPUT_ARGS: '--scope checks=https://www.googleapis.com/auth/cloud-platform',
    });
    expect(live.args).toEqual(
      expect.arrayContaining([
        ...['--quota-project', 'billing-project', '--max-rps', '0.5'],
        ...['--operation', 'datafusion=projects/p/locations/l/operations/o'],
        ...['--header', 'X-Goog-Api-Key: literal-key', '--header', 'X-Trace: a b'],
      ]),
    );
    const parsed = parseRunOptions(live.args);
    expect(parsed.run.target).toMatchObject({
      kind: 'live',
      maxRps: 0.5,
      auth: { adc: { quotaProject: 'billing-project' } },
    });
    expect(parsed.run.capabilities.operations).toEqual({
      datafusion: 'projects/p/locations/l/operations/o',
    });
    const url = actionInputs({
      INPUT_TARGET: 'http://127.0.0.1:1',
      INPUT_CONTROL: 'none',
      INPUT_HEADERS: 'Authorization: Bearer literal',
    });
    expect(parseRunOptions(url.args).run.target).toMatchObject({
      kind: 'url',
      auth: { headers: ['Authorization: Bearer literal'] },
    });
  });

  it.each([
    [{ INPUT_PARENTS: 'checks' }, 'input parents: "checks" is not SERVICE=VALUE'],
    [{ INPUT_LIVE: 'yes' }, 'input live must be true or false, not "yes"'],
    [{ INPUT_ARGS: `--header 'x` }, "input args: unclosed '"],
    [
      { INPUT_ARGS: '--report-dir=elsewhere' },
      'input args: set the report directory with the report-dir input',
    ],
    [{ INPUT_ARGS: '--run-id mine' }, 'input args: the step sets --run-id itself; leave it out'],
  ])('refuses %j', (env, message) => {
    expect(() => actionInputs(env)).toThrow(new UsageError(message));
  });

  it('splits args as shell words, with quotes and empty words', () => {
    expect(splitArgs(`a  "b c" 'd"e' f''g ""`)).toEqual(['a', 'b c', 'd"e', 'fg', '']);
  });
});

describe('workflow commands', () => {
  it('escape messages (%, CR, LF) and properties (also : and ,) as the runner reads them', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeProperty('dai cancel/x: 50%, ok\n')).toBe('dai cancel/x%3A 50%25%2C ok%0A');
    expect(
      annotation('error', 'line 1\nline 2', { title: 'a: b, c', file: 'r/results.json' }),
    ).toBe('::error title=a%3A b%2C c,file=r/results.json::line 1%0Aline 2');
    expect(annotation('warning', 'plain')).toBe('::warning::plain');
  });

  it('write outputs in the multi-line form, with a delimiter the value does not contain', () => {
    const file = join(workspace, 'outputs.txt');
    writeFileSync(file, '');
    appendOutput(file, 'report-dir', '/tmp/a\nb');
    appendOutput(file, 'verdict', '');
    expect(readGithubOutput(readFileSync(file, 'utf8'))).toEqual({
      'report-dir': '/tmp/a\nb',
      verdict: '',
    });
  });
});
