/**
 * A long-running helper process of a benchmark (the reference server, a minimal server, the
 * latency proxy): started with Node, ready once its stdout prints a line matching `ready`, and
 * stopped with SIGTERM. Each runs in its own process so that its CPU is not the benchmark's.
 */
import { type ChildProcess, spawn } from 'node:child_process';

export interface ServiceProcess {
  /** The first capture group of the ready line (a URL). */
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

export async function startServiceProcess(
  args: readonly string[],
  ready: RegExp,
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => fail('did not start in time'), START_TIMEOUT_MS);
    function fail(why: string) {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(
        new Error(`${args.join(' ')} ${why}: ${stderr.trim().split('\n').slice(-2).join(' | ')}`),
      );
    }
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = ready.exec(stdout);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => fail(`exited ${code}`));
  });
  child.stdout.resume();
  return { url, pid: child.pid ?? -1, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
