/**
 * The example workflows of docs/examples run as written (tools/testing/workflow-runner.ts): each
 * `run:` step in bash as a runner runs it, in a folder laid out as the workflow expects, with
 * stand-ins only for `uses:` steps that cannot run here (checkout and setup-node: the folder and
 * this Node.js are there already; upload-artifact: a copy; Google's auth action: Application
 * Default Credentials from a metadata-server stand-in) and for the `gh` CLI. The repository's
 * own Action runs for real, from a copy of this checkout with no node_modules, as
 * `uses: lro-conformance/lro-conformance@…` gets it. The nightly workflows run in fresh copies
 * of this checkout, `npm ci` included: nothing is built beforehand.
 *
 * Offline: npm reads its cache only. The copies' lock gets the tarball URLs this machine's npm
 * leaves out (temp-project.ts, withResolvedUrls); nothing else of a workflow is changed but the
 * port of the conformance example (a free one instead of 8080) and the repository variables
 * every workflow reads, set as a user would. Slow (two `npm ci` of the whole project, in
 * parallel): generous timeouts, no timed assertions.
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compositeAction } from '../testing/composite-action.ts';
import { type GoogleStandIn, startGoogleStandIn } from '../testing/google-stand-in.ts';
import {
  METADATA_PRINCIPAL,
  type MetadataServerStandIn,
  startMetadataServerStandIn,
} from '../testing/metadata-server-stand-in.ts';
import { runCli } from '../testing/run-cli.ts';
import { TokenAuthority } from '../testing/token-authority.ts';
import { runWorkflow, type StandIn, type WorkflowRun } from '../testing/workflow-runner.ts';
import { copyCheckout } from './temp-checkout.ts';
import { childEnv, REPOSITORY_ROOT, withResolvedUrls } from './temp-project.ts';

const SLOW = 600_000;
const example = (name: string) => join(REPOSITORY_ROOT, 'docs', 'examples', name);

let base: string;
let artifacts: string;
const runs: Record<string, WorkflowRun> = {};
let standIn: GoogleStandIn;
let metadata: MetadataServerStandIn;
let port: number;

/** A checkout of this repository in `dir`, its lock installable offline. */
function checkoutIn(dir: string): string {
  copyCheckout(dir);
  const lockFile = join(dir, 'package-lock.json');
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
  writeFileSync(lockFile, `${JSON.stringify(withResolvedUrls(lock), null, 2)}\n`);
  return dir;
}

function executable(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  chmodSync(path, 0o755);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
  });
}

/** `actions/upload-artifact`: the paths it names, copied under artifacts/<name>/. */
const upload: StandIn = ({ workspace, with: given }) => {
  const into = join(artifacts, given.name ?? 'artifact');
  for (const path of (given.path ?? '').split('\n').map((line) => line.trim())) {
    if (path === '') continue;
    const from = path.startsWith('/') ? path : join(workspace, path);
    if (existsSync(from))
      cpSync(from, join(into, path.startsWith('/') ? 'upload' : path), { recursive: true });
  }
  return {};
};
const nothing: StandIn = () => ({});

function environment(): NodeJS.ProcessEnv {
  const env = childEnv();
  env.PATH = [join(base, 'stand-ins'), env.PATH ?? ''].join(delimiter);
  env.npm_config_offline = 'true';
  env.npm_config_cache = process.env.npm_config_cache ?? join(homedir(), '.npm');
  // No gcloud credentials of this machine's user: the auth step's are the only ones.
  env.CLOUDSDK_CONFIG = join(base, 'gcloud');
  delete env.GOOGLE_APPLICATION_CREDENTIALS;
  return env;
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'lro-workflows-'));
  artifacts = join(base, 'artifacts');
  const action = checkoutIn(join(base, 'action'));

  // `gh`, for the drift workflow's baseline: one earlier successful run, whose results are kept.
  const previous = join(base, 'previous-run');
  await runCli(['run', '--service', 'checks,dai'], {
    reportDir: join(previous, 'lro-results', 'lro-report'),
  });
  executable(
    join(base, 'stand-ins', 'gh'),
    [
      '#!/bin/sh',
      '# gh standing in for the GitHub CLI: one earlier successful run, 4242, kept its artifacts.',
      'if [ "$1 $2" = "run list" ]; then echo 4242; exit 0; fi',
      'if [ "$1 $2" = "run download" ]; then',
      '  while [ $# -gt 0 ]; do case "$1" in --name) name=$2; shift ;; --dir) dir=$2; shift ;; esac; shift; done',
      `  mkdir -p "$dir" && cp -R "${previous}/$name/." "$dir/"; exit 0`,
      'fi',
      'echo "gh stand-in: $*" >&2; exit 1',
      '',
    ].join('\n'),
  );

  // The conformance workflow's project: a server that starts two seconds after it is launched.
  port = await freePort();
  const project = join(base, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{ "name": "my-service", "private": true }\n');
  writeFileSync(
    join(project, 'package-lock.json'),
    '{ "name": "my-service", "lockfileVersion": 3, "requires": true, "packages": { "": { "name": "my-service" } } }\n',
  );
  executable(
    join(project, 'start-my-server.sh'),
    [
      '#!/bin/sh',
      '# Your server, played by the reference implementation; it takes two seconds to start.',
      'sleep 2',
      `exec node ${join(REPOSITORY_ROOT, 'bin', 'lro-conformance.js')} serve "$@"`,
      '',
    ].join('\n'),
  );

  const authority = new TokenAuthority();
  standIn = await startGoogleStandIn({ authority });
  metadata = await startMetadataServerStandIn({ authority });
  authority.allowParents(METADATA_PRINCIPAL, ['projects/p/locations/l']);

  const env = environment();
  const common = {
    env,
    standIns: {
      'actions/checkout': nothing,
      'actions/setup-node': nothing,
      'actions/upload-artifact': upload,
      'lro-conformance/lro-conformance': compositeAction(action),
      'google-github-actions/auth': ({ with: given }: { with: Record<string, string> }) => {
        if (!given.workload_identity_provider || !given.service_account) return { code: 1 };
        return {
          env: {
            GCE_METADATA_HOST: metadata.hostPort,
            METADATA_SERVER_DETECTION: 'assume-present',
          },
        };
      },
    } as Record<string, StandIn>,
  };
  const [conformance, drift, live] = await Promise.all([
    runWorkflow(example('conformance-action.yml'), {
      ...common,
      workspace: project,
      runnerDir: join(base, 'runner-conformance'),
      edit: (text) =>
        text.replaceAll(':8080', `:${port}`).replaceAll('--port 8080', `--port ${port}`),
    }),
    runWorkflow(example('nightly-drift.yml'), {
      ...common,
      workspace: checkoutIn(join(base, 'drift-checkout')),
      runnerDir: join(base, 'runner-drift'),
      github: { workflow: 'lro-conformance nightly drift', ref_name: 'main', token: 'stand-in' },
      vars: {
        LRO_RUN_FLAGS: '--service checks,dai',
        LRO_DRIFT_SERVICES: 'checks,datafusion',
        LRO_DRIFT_FLAGS:
          '--discovery checks=specs/discovery/checks.v1alpha.rev20230807.json --discovery datafusion=specs/discovery/datafusion.v1.rev20260202.json',
      },
    }),
    runWorkflow(example('nightly-live.yml'), {
      ...common,
      workspace: checkoutIn(join(base, 'live-checkout')),
      runnerDir: join(base, 'runner-live'),
      vars: {
        LRO_WIF_PROVIDER: 'projects/1/locations/global/workloadIdentityPools/github/providers/repo',
        LRO_WIF_SERVICE_ACCOUNT: 'lro@stand-in-project.iam.gserviceaccount.com',
        LRO_LIVE_PARENTS: '--parent datafusion=projects/p/locations/l',
        LRO_LIVE_FLAGS: `--endpoint datafusion=${standIn.baseUrl} --max-rps 50`,
      },
    }),
  ]);
  Object.assign(runs, { conformance, drift, live });
}, SLOW);

afterAll(async () => {
  for (const run of Object.values(runs)) run.stop();
  await standIn?.close();
  await metadata?.close();
  if (base) await rm(base, { recursive: true, force: true });
}, 120_000);

/** Each step's label and exit code, to compare with what the workflow should do. */
const codes = (run: WorkflowRun | undefined) =>
  (run?.steps ?? []).map((step) => [step.label, step.code] as const);
const logOf = (run: WorkflowRun | undefined, label: RegExp) =>
  run?.steps.find((step) => label.test(step.label))?.log ?? '';

describe('docs/examples/conformance-action.yml, in a project with a server that starts in 2 s', () => {
  it('runs every step, the Action from its own checkout with no registry, and passes', () => {
    const run = runs.conformance;
    expect(
      codes(run).filter(([, code]) => code !== 0),
      JSON.stringify(run?.steps, null, 2),
    ).toEqual([]);
    expect(run?.succeeded).toBe(true);
  });

  it("waits for the server, runs the suite against it, and gives the Action's outputs", () => {
    const step = runs.conformance?.steps.find((s) => s.label === 'conformance');
    expect(step?.outputs).toEqual({
      'report-dir': join(base, 'project', 'lro-report'),
      verdict: 'conformant',
      'exit-code': '0',
    });
    // Whether the run had to wait depends on how long the Action's own install took; the wait
    // itself is tested in harness/run/preflight.test.ts and harness/cli/run-command.test.ts.
    expect(step?.log).toContain("installing the action's dependencies");
    expect(step?.log).toMatch(
      /\b\d+ PASS, 0 FAIL, \d+ N\/A, 0 INCONC, 0 ERROR, 0 SKIP\. conformant/,
    );
    // The job summary is the report's matrix.md (docs/ACTION.md).
    expect(runs.conformance?.summary).toBe(
      readFileSync(join(base, 'project', 'lro-report', 'matrix.md'), 'utf8'),
    );
  });

  it('uploads the report', () => {
    expect(existsSync(join(artifacts, 'lro-report', 'upload', 'results.json'))).toBe(true);
  });
});

describe('docs/examples/nightly-drift.yml, in a fresh copy of the repository', () => {
  it('runs every step: npm ci builds, drift, run and diff against the baseline all exit 0', () => {
    const run = runs.drift;
    expect(
      codes(run).filter(([, code]) => code !== 0),
      JSON.stringify(run?.steps, null, 2),
    ).toEqual([]);
    expect(logOf(run, /^Verdict$/)).toContain('drift exit 0, run exit 0, diff exit 0');
    expect(run?.succeeded).toBe(true);
  });

  it('puts the drift and behaviour-drift reports in the job summary, and keeps the results', () => {
    expect(runs.drift?.summary).toContain('lro-conformance drift');
    expect(runs.drift?.summary).toContain('no behaviour drift');
    expect(existsSync(join(artifacts, 'lro-results', 'lro-report', 'results.json'))).toBe(true);
  });
});

describe('docs/examples/nightly-live.yml, in a fresh copy of the repository', () => {
  it('runs every step against the stand-in for Google, with ADC from the auth step', () => {
    const run = runs.live;
    expect(
      codes(run).filter(([, code]) => code !== 0),
      JSON.stringify(run?.steps, null, 2),
    ).toEqual([]);
    expect(logOf(run, /^Verdict$/)).toContain('run exit 0');
    expect(runs.live?.summary).toContain('datafusion');
    expect(
      standIn.requests.some((request) => request.headers.authorization?.startsWith('Bearer ')),
    ).toBe(true);
  });

  it('keeps the report and the recording', () => {
    expect(existsSync(join(artifacts, 'lro-live-report', 'lro-report', 'live.har'))).toBe(true);
  });
});
