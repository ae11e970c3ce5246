/**
 * Runs `lro-conformance run` in a child process and stops it with a signal once its tests are
 * under way, as a user's Ctrl-C, a CI timeout or a closed terminal would; reads what it left.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunResults } from '#reports';

const BIN = fileURLToPath(new URL('../../harness/cli/bin.ts', import.meta.url));

export interface SignalledRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly results: RunResults | undefined;
  /** From the signal to the exit. */
  readonly stoppedInMs: number;
}

/**
 * Starts `lro-conformance run args`, waits until `ready()` says its tests are under way, sends
 * `signal`, and reads what it left.
 */
export async function signalledRun(
  args: readonly string[],
  signal: NodeJS.Signals,
  ready: () => boolean,
): Promise<SignalledRun> {
  const dir = mkdtempSync(join(tmpdir(), 'lro-signal-'));
  const child = spawn(process.execPath, [BIN, 'run', ...args, '--report-dir', dir], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.once('exit', (code, signalled) => resolve([code, signalled])),
  );
  const started = Date.now();
  while (!ready() && Date.now() - started < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const sent = Date.now();
  child.kill(signal);
  const [code, signalled] = await exited;
  const stoppedInMs = Date.now() - sent;
  let results: RunResults | undefined;
  try {
    results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as RunResults;
  } catch {
    results = undefined;
  }
  rmSync(dir, { recursive: true, force: true });
  return { code, signal: signalled, stderr, results, stoppedInMs };
}
