/**
 * Runs the real CLI in a child process, as a user would, and reads back what it wrote: exit
 * code, stdout, stderr and results.json. Used by the CLI and self-tests.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunResults } from '#reports';

const BIN = fileURLToPath(new URL('../../harness/cli/bin.ts', import.meta.url));

export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The lines of stderr that report a problem (`lro-conformance …:`), not the run's progress. */
  readonly complaints: readonly string[];
  /** results.json, when the run wrote one. */
  readonly results: RunResults | undefined;
  /** junit.xml, when the run wrote one. */
  readonly junit: string | undefined;
}

export interface RunCliOptions {
  /** Variables to set (a value of undefined removes one) on top of this process's environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The report directory to use and keep; by default a temporary one, removed afterwards. */
  readonly reportDir?: string;
}

export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliRun> {
  const reportDir = options.reportDir ?? mkdtempSync(join(tmpdir(), 'lro-cli-'));
  const withReport = args[0] === 'run' ? [...args, '--report-dir', reportDir] : [...args];
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...withReport], { env }, (error, stdout, stderr) => {
      const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({
        exitCode,
        stdout,
        stderr,
        complaints: complaintsIn(stderr),
        results: readResults(reportDir),
        junit: readText(join(reportDir, 'junit.xml')),
      });
      if (options.reportDir === undefined) rmSync(reportDir, { recursive: true, force: true });
    });
  });
}

/** Progress lines name an outcome first; every complaint starts with the program's name. */
export function complaintsIn(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('lro-conformance'));
}

function readResults(dir: string): RunResults | undefined {
  const text = readText(join(dir, 'results.json'));
  return text === undefined ? undefined : (JSON.parse(text) as RunResults);
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** `service clause` → outcome, for comparing runs. */
export function outcomesOf(results: RunResults): Record<string, string> {
  return Object.fromEntries(
    results.results.map((cell) => [`${cell.service} ${cell.clause}`, cell.outcome]),
  );
}

/** Runs `tasks` with at most `limit` at a time (the machines have two cores). */
export async function inBatches<T>(
  tasks: readonly (() => Promise<T>)[],
  limit: number,
): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      const task = tasks[index];
      if (task) results[index] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
