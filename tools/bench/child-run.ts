/**
 * Runs one whole Node process the way a user would (`node dist/harness/cli/bin.js run …`) and
 * measures its wall time from spawn to exit, optionally its peak resident memory. Peak memory is
 * read inside the child (`process.resourceUsage().maxRSS`, the whole process with its worker
 * threads) by a one-line module preloaded with `--import`, so no platform tool is needed.
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarnessError } from '#base';

export interface ChildRunOptions {
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /** Measure peak RSS (adds a tiny preloaded module; leave off for timing comparisons). */
  readonly measureRss?: boolean;
  /** Exit codes that count as success (default 0). */
  readonly okExitCodes?: readonly number[];
}

export interface ChildRun {
  readonly wallMs: number;
  /** Peak resident set size in MB, when measured. */
  readonly peakRssMb?: number;
  readonly stdout: string;
}

const RSS_FILE_ENV = 'LRO_BENCH_RSS_FILE';
const RSS_MODULE = `data:text/javascript,${encodeURIComponent(
  `import{writeFileSync}from'node:fs';import{isMainThread}from'node:worker_threads';` +
    `if(isMainThread)process.on('exit',()=>writeFileSync(process.env.${RSS_FILE_ENV},String(process.resourceUsage().maxRSS)));`,
)}`;

export class ChildRunError extends HarnessError {
  override readonly name = 'ChildRunError';
}

export async function runChild(options: ChildRunOptions): Promise<ChildRun> {
  const rssDir = options.measureRss ? mkdtempSync(join(tmpdir(), 'lro-bench-rss-')) : undefined;
  const rssFile = rssDir === undefined ? undefined : join(rssDir, 'maxrss');
  const args = rssFile === undefined ? options.args : ['--import', RSS_MODULE, ...options.args];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, ...(rssFile ? { [RSS_FILE_ENV]: rssFile } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const wallMs = performance.now() - started;
  try {
    if (!(options.okExitCodes ?? [0]).includes(code ?? -1)) {
      const tail = stderr.trim().split('\n').slice(-3).join(' | ');
      throw new ChildRunError(`${args.join(' ')} exited ${code}: ${tail}`);
    }
    const peakRssMb =
      rssFile === undefined ? undefined : Number(readFileSync(rssFile, 'utf8')) / 1024;
    return { wallMs, stdout, ...(peakRssMb === undefined ? {} : { peakRssMb }) };
  } finally {
    if (rssDir !== undefined) rmSync(rssDir, { recursive: true, force: true });
  }
}
