/**
 * Runs a GitHub Actions workflow file's job on this machine, step by step, so a test can show
 * that an example workflow works as written (test-only). Each `run:` step runs in bash as the
 * runner runs it (`bash --noprofile --norc -eo pipefail`), with `${{ … }}` expanded
 * (workflow-expressions.ts), `GITHUB_OUTPUT`, `GITHUB_ENV` and `GITHUB_STEP_SUMMARY` files and
 * `if:` conditions (a step after a failure runs only under `always()`). A `uses:` step needs a
 * stand-in from the test (checkout, setup-node, an upload, credentials), except a local
 * composite action, which runs for real (composite-action.ts). Processes a step leaves running
 * (`./start-my-server.sh &`) run on, as on a runner, until the job ends; then they are stopped,
 * each by its id, and only if that id still names the process the step left (Linux /proc: its
 * start time), never a group or a name. Step output goes to files, never pipes a background
 * process could hold.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { readGithubOutput } from './read-github-output.ts';
import {
  condition,
  type ExpressionContext,
  interpolate,
  type Value,
} from './workflow-expressions.ts';

export interface WorkflowStep {
  readonly id?: string;
  readonly name?: string;
  readonly if?: string;
  readonly run?: string;
  readonly uses?: string;
  readonly with?: Readonly<Record<string, unknown>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly shell?: string;
  readonly 'working-directory'?: string;
}

interface Workflow {
  readonly env?: Readonly<Record<string, string>>;
  readonly jobs: Readonly<Record<string, { readonly steps: readonly WorkflowStep[] }>>;
}

/** What a stand-in for a `uses:` step gives back: its outputs, and variables for later steps. */
export interface StandInResult {
  readonly outputs?: Readonly<Record<string, string>>;
  readonly env?: Readonly<Record<string, string>>;
  /** The step's exit code (default 0). */
  readonly code?: number;
  /** What it printed. */
  readonly log?: string;
}

export interface StepContext {
  readonly workspace: string;
  /** The step's `with:`, expressions expanded. */
  readonly with: Readonly<Record<string, string>>;
  /** The environment a `run:` step would get. */
  readonly env: NodeJS.ProcessEnv;
  /** Runs bash as a `run:` step does, for a composite action's steps. */
  readonly runScript: (script: string, env: NodeJS.ProcessEnv, cwd: string) => Promise<StepRecord>;
}

export type StandIn = (context: StepContext) => Promise<StandInResult> | StandInResult;

export interface WorkflowRunOptions {
  /** The folder the job works in (`GITHUB_WORKSPACE`). */
  readonly workspace: string;
  /** Where the runner keeps its files (outputs, summary, logs). */
  readonly runnerDir: string;
  /** The base environment of every step (PATH with Node.js, npm's cache). */
  readonly env: NodeJS.ProcessEnv;
  readonly vars?: Readonly<Record<string, string>>;
  readonly inputs?: Readonly<Record<string, string>>;
  readonly github?: Readonly<Record<string, string>>;
  /** By the `uses:` value without its `@ref`. */
  readonly standIns: Readonly<Record<string, StandIn>>;
  /** Applied to the workflow's text before it is read (e.g. a port the machine has free). */
  readonly edit?: (text: string) => string;
}

export interface StepRecord {
  readonly label: string;
  /** `skipped` when its condition was false. */
  readonly code: number | 'skipped';
  readonly outputs: Readonly<Record<string, string>>;
  /** What it printed, stdout and stderr together. */
  readonly log: string;
}

export interface WorkflowRun {
  readonly steps: readonly StepRecord[];
  readonly summary: string;
  readonly succeeded: boolean;
  /** Stops what the steps left running. */
  readonly stop: () => void;
}

const BASH = ['--noprofile', '--norc', '-eo', 'pipefail'];

export async function runWorkflow(file: string, options: WorkflowRunOptions): Promise<WorkflowRun> {
  const text = (options.edit ?? ((t: string) => t))(readFileSync(file, 'utf8'));
  const workflow = load(text) as Workflow;
  const jobs = Object.values(workflow.jobs);
  if (jobs.length !== 1) throw new Error(`${file}: one job expected, found ${jobs.length}`);
  const steps = jobs[0]?.steps ?? [];
  mkdirSync(options.runnerDir, { recursive: true });
  const summaryFile = join(options.runnerDir, 'step-summary.md');
  writeFileSync(summaryFile, '');
  const lingering: Process[] = [];
  const records: StepRecord[] = [];
  const outputs: Record<string, Record<string, string>> = {};
  const added: Record<string, string> = {};
  let failed = false;

  const context = (env: Readonly<Record<string, string>>): ExpressionContext => ({
    lookup: (path) => lookup(path, { env, outputs, options }),
    functions: {
      always: () => true,
      success: () => !failed,
      failure: () => failed,
      hashFiles: (...patterns: Value[]) =>
        patterns.some((pattern) => existsSync(join(options.workspace, String(pattern))))
          ? 'present'
          : '',
    },
  });
  const workflowEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(workflow.env ?? {})) {
    workflowEnv[name] = interpolate(String(value), context(workflowEnv));
  }

  const runScript = async (
    script: string,
    env: NodeJS.ProcessEnv,
    cwd: string,
    label = 'script',
  ): Promise<StepRecord> => {
    const index = records.length;
    const scriptFile = join(
      options.runnerDir,
      `step-${index}-${Math.random().toString(36).slice(2)}.sh`,
    );
    const logFile = `${scriptFile}.log`;
    const outputFile = `${scriptFile}.output`;
    const envFile = `${scriptFile}.env`;
    writeFileSync(scriptFile, script);
    writeFileSync(outputFile, '');
    writeFileSync(envFile, '');
    const log = openSync(logFile, 'w');
    const child = spawn('bash', [...BASH, scriptFile], {
      cwd,
      env: {
        ...env,
        GITHUB_OUTPUT: outputFile,
        GITHUB_ENV: envFile,
        GITHUB_STEP_SUMMARY: summaryFile,
      },
      stdio: ['ignore', log, log],
      detached: true,
    });
    const code = await new Promise<number>((resolve) => {
      child.on('exit', (exit, signal) => resolve(exit ?? (signal ? 128 : 1)));
      child.on('error', () => resolve(127));
    });
    // What the step left running: the members of its process group now, all started by it.
    if (child.pid !== undefined) lingering.push(...groupMembers(child.pid));
    closeSync(log);
    Object.assign(added, readGithubOutput(readFileSync(envFile, 'utf8')));
    return {
      label,
      code,
      outputs: readGithubOutput(readFileSync(outputFile, 'utf8')),
      log: readFileSync(logFile, 'utf8'),
    };
  };

  for (const step of steps) {
    const label = step.name ?? step.run?.split('\n')[0] ?? step.uses ?? 'step';
    const stepEnvRaw = { ...workflowEnv, ...added };
    const stepEnv: Record<string, string> = { ...stepEnvRaw };
    for (const [name, value] of Object.entries(step.env ?? {})) {
      stepEnv[name] = interpolate(String(value), context(stepEnvRaw));
    }
    const guarded = step.if ?? 'success()';
    const explicitStatus = /\b(always|success|failure|cancelled)\(\)/.test(guarded);
    const runs = (explicitStatus || !failed) && condition(guarded, context(stepEnv));
    if (!runs) {
      records.push({ label, code: 'skipped', outputs: {}, log: '' });
      continue;
    }
    const env: NodeJS.ProcessEnv = {
      ...options.env,
      ...stepEnv,
      GITHUB_WORKSPACE: options.workspace,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
    };
    let record: StepRecord;
    if (step.run !== undefined) {
      const cwd = join(options.workspace, step['working-directory'] ?? '.');
      record = await runScript(interpolate(step.run, context(stepEnv)), env, cwd, label);
    } else {
      const uses = (step.uses ?? '').replace(/@.*$/, '');
      const standIn = options.standIns[uses];
      if (standIn === undefined) throw new Error(`no stand-in for uses: ${step.uses}`);
      const withValues = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([k, v]) => [
          k,
          interpolate(String(v), context(stepEnv)),
        ]),
      );
      const result = await standIn({
        workspace: options.workspace,
        with: withValues,
        env,
        runScript: (script, scriptEnv, cwd) => runScript(script, scriptEnv, cwd, label),
      });
      Object.assign(added, result.env ?? {});
      record = {
        label,
        code: result.code ?? 0,
        outputs: result.outputs ?? {},
        log: result.log ?? '',
      };
    }
    records.push(record);
    if (step.id !== undefined) outputs[step.id] = { ...record.outputs };
    if (record.code !== 0) failed = true;
  }
  return {
    steps: records,
    summary: readFileSync(summaryFile, 'utf8'),
    succeeded: !failed,
    stop: () => {
      for (const left of lingering) {
        // The id may name another process by now: stop it only if it started when ours did.
        if (startTimeOf(left.pid) !== left.startTime) continue;
        try {
          process.kill(left.pid, 'SIGTERM');
        } catch {
          // It ended in between.
        }
      }
    },
  };
}

function lookup(
  path: string,
  state: {
    env: Readonly<Record<string, string>>;
    outputs: Readonly<Record<string, Readonly<Record<string, string>>>>;
    options: WorkflowRunOptions;
  },
): Value | undefined {
  const [root, ...rest] = path.split('.');
  const key = rest.join('.');
  switch (root) {
    case 'env':
      return state.env[key];
    case 'vars':
      return state.options.vars?.[key];
    case 'inputs':
      return state.options.inputs?.[key];
    case 'secrets':
      return undefined;
    case 'github':
      return state.options.github?.[key];
    case 'steps': {
      const [id, kind, name] = rest;
      if (kind !== 'outputs' || id === undefined || name === undefined) {
        throw new Error(`expression: only steps.<id>.outputs.<name> is known, not ${path}`);
      }
      return state.outputs[id]?.[name];
    }
    default:
      throw new Error(`expression: unknown context ${path}`);
  }
}

/** A process, by its id and its start time (which tells it from a later one with the same id). */
interface Process {
  readonly pid: number;
  readonly startTime: string;
}

/** Fields of /proc/<pid>/stat after the command name: state is [0], pgrp [2], starttime [19]. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function startTimeOf(pid: number): string | undefined {
  return statFields(pid)?.[19];
}

/** The live processes of process group `group` (Linux /proc). */
function groupMembers(group: number): Process[] {
  const members: Process[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields === undefined || Number(fields[2]) !== group || fields[0] === 'Z') continue;
    members.push({ pid: Number(entry), startTime: fields[19] ?? '' });
  }
  return members;
}
