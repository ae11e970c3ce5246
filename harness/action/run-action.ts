/**
 * The GitHub Action's step (action.yml, docs/ACTION.md): runs `lro-conformance run` from this
 * same package with the inputs as flags, its output streaming into the job log; then appends the
 * report's matrix.md to `$GITHUB_STEP_SUMMARY`, prints one annotation per failing cell, sets the
 * outputs `report-dir`, `verdict` and `exit-code` in `$GITHUB_OUTPUT`, and ends with the CLI's
 * exit code (docs/INTERPRETING.md), so the job fails exactly when the CLI would.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isErrorOf } from '#base';
import type { RunResults } from '#reports';
import { actionInputs } from './action-inputs.ts';
import { cellAnnotations } from './cell-annotations.ts';
import { failedRunSummary, stepSummary } from './step-summary.ts';
import { annotation, appendOutput, appendSummary } from './workflow-commands.ts';

/** The CLI beside this module: `.ts` from the repository's sources, `.js` from the build. */
const CLI = fileURLToPath(new URL(`../cli/bin${extname(import.meta.url)}`, import.meta.url));

/** Exit code for inputs the Action cannot turn into flags, as the CLI's usage errors. */
const EXIT_USAGE = 2;

export interface ActionIo {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Where workflow commands and the CLI's stdout go. */
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

interface CliExit {
  readonly code: number;
  /** The CLI's last one-line complaint on stderr, if any. */
  readonly complaint: string | undefined;
}

export async function runAction(io: ActionIo): Promise<number> {
  let inputs: ReturnType<typeof actionInputs>;
  try {
    inputs = actionInputs(io.env);
  } catch (error) {
    if (!isErrorOf(error, 'usage')) throw error;
    io.stdout.write(`${annotation('error', error.message, { title: 'lro-conformance' })}\n`);
    finish(io, { reportDir: '', verdict: '', exitCode: EXIT_USAGE });
    return EXIT_USAGE;
  }
  const reportDir = resolve(io.cwd, inputs.reportDir);
  // The report names the run that wrote it: one an earlier run left in the same directory, or a
  // run that stopped before writing, is never taken for this run's verdict.
  const runId = randomUUID();
  const exit = await runCli([...inputs.args, '--run-id', runId], io);
  const results = ownResults(reportDir, runId);
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (results === undefined) {
    io.stdout.write(
      `${annotation('error', exit.complaint ?? `lro-conformance run exited ${exit.code} before writing a report`, { title: 'lro-conformance run' })}\n`,
    );
    if (summaryFile) appendSummary(summaryFile, failedRunSummary(exit.code, exit.complaint));
  } else {
    if (summaryFile) {
      appendSummary(
        summaryFile,
        stepSummary(results, readFileSync(resolve(reportDir, 'matrix.md'), 'utf8')),
      );
    }
    const file = annotationFile(results, io, reportDir);
    for (const line of cellAnnotations(results, file)) io.stdout.write(`${line}\n`);
  }
  finish(io, { reportDir, verdict: results?.summary.verdict ?? '', exitCode: exit.code });
  return exit.code;
}

function runCli(args: readonly string[], io: ActionIo): Promise<CliExit> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, 'run', ...args], {
      cwd: io.cwd,
      env: io.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let complaint: string | undefined;
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => io.stdout.write(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      io.stderr.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('lro-conformance')) complaint = line;
    });
    child.on('close', (code, signal) => {
      if (pending.startsWith('lro-conformance')) complaint = pending;
      done({ code: code ?? (signal === 'SIGINT' ? 130 : 1), complaint });
    });
  });
}

/** results.json of the run `runId` names; any other report in the directory is not this run's. */
function ownResults(reportDir: string, runId: string): RunResults | undefined {
  const file = resolve(reportDir, 'results.json');
  if (!existsSync(file) || !existsSync(resolve(reportDir, 'matrix.md'))) return undefined;
  let results: RunResults;
  try {
    results = JSON.parse(readFileSync(file, 'utf8')) as RunResults;
  } catch {
    return undefined;
  }
  return results.runId === runId ? results : undefined;
}

/**
 * Where the runner attaches the annotations, relative to the repository: the handlers module
 * for an `msw:` target (the code at fault lives there), else the report's results.json.
 */
function annotationFile(results: RunResults, io: ActionIo, reportDir: string): string {
  const root = io.env.GITHUB_WORKSPACE ?? io.cwd;
  const at =
    results.target.kind === 'msw' && results.target.source !== undefined
      ? resolve(io.cwd, results.target.source)
      : resolve(reportDir, 'results.json');
  return relative(root, at).replaceAll('\\', '/');
}

function finish(
  io: ActionIo,
  outputs: { readonly reportDir: string; readonly verdict: string; readonly exitCode: number },
): void {
  const file = io.env.GITHUB_OUTPUT;
  if (!file) return;
  appendOutput(file, 'report-dir', outputs.reportDir);
  appendOutput(file, 'verdict', outputs.verdict);
  appendOutput(file, 'exit-code', String(outputs.exitCode));
}
