/**
 * `--target msw:PATH` (`target: 'msw:PATH'`): the user's own MSW handlers as the target
 * (docs/MSW-TARGET.md). The option becomes plain data (the module's absolute path travels to the
 * suites' worker through vitest's `provide`); before any test runs, the module is imported once
 * to check it, so a bad module is one usage line (exit 2), not a matrix of ERROR cells.
 *
 * That import runs in a worker thread of its own (msw-module-check-worker.ts) with a time limit,
 * never on the CLI's thread: a module's code must not decide how the run ends. On the CLI's
 * thread a `process.exit(0)` at load, or from a timer once the run was under way, ended the run
 * with exit 0, no output and no report; a top-level await that never settled ended it with
 * Node's exit 13; and a busy thread cannot be stopped from outside, a worker can.
 */
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UsageError, usageError } from '#base';
import { addedServiceProfiles } from '#specs';
import type { TargetConfig } from '../plan/index.ts';
import type { CheckReport, CheckRequest } from './msw-module-check-worker.ts';
import { FLAG_TERMS, type OptionTerms } from './option-terms.ts';
import type { RunOptionName, RunOptionValues } from './run-option-table.ts';

export const MSW_TARGET_PREFIX = 'msw:';

export type MswTargetConfig = Extract<TargetConfig, { kind: 'msw' }>;

export function isMswTargetOption(target: string): boolean {
  return target.startsWith(MSW_TARGET_PREFIX);
}

/** Options for other kinds of target, with what to do instead. */
const FOREIGN_OPTIONS = {
  cancelMode: 'configures the embedded reference',
  cancelDelayMs: 'configures the embedded reference',
  fault: 'configures the embedded reference',
  variant: 'configures the embedded reference',
  control: "does not apply: the module's createOperation is its control hook",
  requestTimeoutMs: 'applies to targets over HTTP only',
  headers: 'applies to targets over HTTP only',
  auth: 'applies to targets over HTTP only',
  scopes: 'applies to targets over HTTP only',
  quotaProject: 'applies to targets over HTTP only',
  record: 'applies to targets over HTTP only',
} as const satisfies Partial<Record<RunOptionName, string>>;

/** The target of `--target msw:PATH`, PATH relative to `cwd`; other targets' options are refused. */
export function mswTargetConfig(
  target: string,
  values: RunOptionValues,
  terms: OptionTerms,
  cwd: string = process.cwd(),
): MswTargetConfig {
  const source = target.slice(MSW_TARGET_PREFIX.length);
  const option = terms.name('target');
  if (source.trim() === '') {
    throw usageError(
      `${option} msw: needs the path of a handlers module, e.g. ${option} msw:./mocks/handlers.ts`,
    );
  }
  for (const [foreign, why] of Object.entries(FOREIGN_OPTIONS)) {
    if (values[foreign as keyof typeof FOREIGN_OPTIONS] !== undefined) {
      throw usageError(
        `${terms.name(foreign as keyof typeof FOREIGN_OPTIONS)} ${why}: drop it with ${option} ${MSW_TARGET_PREFIX}…`,
      );
    }
  }
  return { kind: 'msw', modulePath: resolve(cwd, source), source };
}

/** How long a handlers module may take to load and be checked (docs/MSW-TARGET.md). */
export const MSW_MODULE_LOAD_LIMIT_MS = 10_000;

/**
 * Imports and checks the module in a worker thread, then settles the services: the requested
 * ones, which the module must serve if it declares what it serves, else the declared ones, else
 * all.
 */
export async function mswServices(
  config: MswTargetConfig,
  requested: readonly string[] | undefined,
  all: readonly string[],
  terms: OptionTerms = FLAG_TERMS,
): Promise<readonly string[]> {
  // The module's problem, after the option as the caller named it.
  const refusal = (problem: string) =>
    new UsageError(`${terms.name('target')} ${MSW_TARGET_PREFIX}${config.source}: ${problem}`, {
      code: 'INVALID_FILE',
    });
  const report = await checkInWorker({
    path: config.modulePath,
    source: config.source,
    profiles: addedServiceProfiles(),
  });
  if (report.kind === 'invalid') throw refusal(report.problem);
  if (report.kind === 'exit-called') {
    throw refusal(
      `called process.exit(${report.code}) while loading: a handlers module must not end the process that runs it; export handlers and createOperation, and leave the exit code to the run`,
    );
  }
  if (report.kind === 'failed') throw refusal(`could not be checked: ${report.message}`);
  if (report.kind === 'unfinished') {
    throw refusal(
      report.timedOut
        ? `did not finish loading within ${MSW_MODULE_LOAD_LIMIT_MS / 1000} s: an endless loop, or a top-level await waiting for something that never comes?`
        : 'never finished loading: it waits at its top level (await) for something that never comes',
    );
  }
  const declared = report.services;
  if (declared === undefined) return requested ?? all;
  if (requested === undefined) return all.filter((id) => declared.includes(id));
  const missing = requested.filter((id) => !declared.includes(id));
  if (missing.length > 0) {
    const them = missing.length === 1 ? 'it' : 'them';
    throw refusal(
      `serves ${declared.join(', ')} (its services export), not ${missing.join(', ')}: drop ${them} from ${terms.name('services')}, or add ${them} to services`,
    );
  }
  return requested;
}

type WorkerOutcome = CheckReport | { readonly kind: 'unfinished'; readonly timedOut: boolean };

/** The worker entry beside this module: `.ts` from the sources, `.js` from the build. */
const CHECK_WORKER = new URL(
  `./msw-module-check-worker${extname(fileURLToPath(import.meta.url))}`,
  import.meta.url,
);

/**
 * Runs the check in a worker thread and ends that thread as soon as it reports, or when the time
 * limit passes: whatever the module does (timers, servers, loops), it does it no more.
 */
function checkInWorker(request: CheckRequest): Promise<WorkerOutcome> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(CHECK_WORKER, { workerData: request });
    let exitCalled: Extract<CheckReport, { kind: 'exit-called' }> | undefined;
    let settled = false;
    const settle = (outcome: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(limit);
      void worker.terminate();
      resolvePromise(outcome);
    };
    const limit = setTimeout(
      () => settle({ kind: 'unfinished', timedOut: true }),
      MSW_MODULE_LOAD_LIMIT_MS,
    );
    worker.on('message', (report: CheckReport) => {
      if (report.kind === 'exit-called') exitCalled = report;
      else settle(report);
    });
    // An error thrown outside the import (a timer of the module, at load).
    worker.on('error', (error) =>
      settle({ kind: 'invalid', problem: `threw while loading: ${firstLine(error.message)}` }),
    );
    worker.on('exit', () => settle(exitCalled ?? { kind: 'unfinished', timedOut: false }));
    worker.on('messageerror', reject);
  });
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}
