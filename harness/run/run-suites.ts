/**
 * Runs the suites in-process with vitest's Node API: one module (run-entry.ts) that loads every
 * selected suite file, one worker thread on Node's own loader, every test side by side. The run
 * configuration reaches the suites through `provide`; outcomes come back through the reporters.
 *
 * The worker may run a user's handlers module (`--target msw:`), so this thread keeps the run's
 * end in its own hands: a watchdog listens to the worker's heartbeat (heartbeat.ts) and, when
 * the worker falls silent (a handler in an endless loop), stops it; an interrupt that the worker
 * does not act on within seconds stops it too. vitest stops a worker by force when it is asked to
 * cancel a second time (its pool terminates the thread), which is what both do.
 */
import { randomUUID } from 'node:crypto';
import { join, relative } from 'node:path';
import { createVitest, type Reporter, type TestModule } from 'vitest/node';
import type { RunConfig } from '../plan/index.ts';
import { LOAD_FAILURE_TITLE, PACKAGE_ROOT, suiteExtension, suiteFileOf } from '../plan/index.ts';
import { watchHeartbeat } from './heartbeat.ts';

/** Tests in flight at once: every test owns its operation, so they may overlap freely. */
const CONCURRENCY = { embedded: 32, url: 64 } as const;

/**
 * A silence of the worker this long means it is wedged: the harness itself never keeps it busy
 * for more than a second or so at a stretch (the longest measured in a full run is in the test).
 */
export const WEDGED_AFTER_MS = 15_000;

/** How long an interrupted run may take to stop by itself before its worker is stopped. */
export const STOP_BY_FORCE_AFTER_MS = 3_000;

export interface RunSuitesOptions {
  readonly run: RunConfig;
  readonly clauseIds: readonly string[];
  readonly reporters: readonly Reporter[];
  /** Cancels the run when it aborts: tests in flight stop, the rest are not started. */
  readonly cancelWhen?: AbortSignal;
  /**
   * Called when the watchdog stops a wedged worker, before the results are collected: the tests
   * it was running never finished, and their cells are ERROR with this message.
   */
  readonly onWedged?: (message: string) => void;
}

/**
 * Runs the suites; returns what kept a suite file from running at all (an import that threw, an
 * error outside any test), so that such a file is reported instead of silently missing.
 */
export async function runSuites(options: RunSuitesOptions): Promise<string[]> {
  const entry = relative(
    PACKAGE_ROOT,
    new URL(`./run-entry${suiteExtension()}`, import.meta.url).pathname,
  );
  const suiteFiles = options.clauseIds.map((id) => join(PACKAGE_ROOT, suiteFileOf(id)));
  const listenersBefore = signalListeners();
  const heartbeat = `lro-conformance-heartbeat-${randomUUID()}`;
  const vitest = await createVitest(
    {
      root: PACKAGE_ROOT,
      config: false,
      include: [entry],
      watch: false,
      reporters: [...options.reporters],
      provide: { lroRun: { ...options.run, suiteFiles }, lroHeartbeat: heartbeat },
      // Every suite shares the harness: one worker thread, no re-isolation, and Node's own
      // loader (the code is erasable TypeScript or compiled JavaScript), not Vite's runner.
      isolate: false,
      pool: 'threads',
      maxWorkers: 1,
      experimental: { viteModuleRunner: false },
      sequence: { concurrent: true },
      maxConcurrency: CONCURRENCY[options.run.target.kind === 'embedded' ? 'embedded' : 'url'],
      passWithNoTests: true,
      // The harness bounds each test from what it does (harness/clause/time-budget.ts).
      testTimeout: 0,
    },
    { logLevel: 'silent' },
  );
  // vitest's logger exits the process on SIGINT/SIGTERM (and may on SIGHUP); a run that
  // reports its own interrupt takes them over, so the partial report is still written.
  if (options.cancelWhen !== undefined) dropListenersSince(listenersBefore);
  // Asked twice, vitest's pool terminates the worker instead of waiting for its tests.
  const stopByForce = () => {
    void vitest.cancelCurrentRun('keyboard-input');
    void vitest.cancelCurrentRun('keyboard-input');
  };
  let forceLater: NodeJS.Timeout | undefined;
  const cancel = () => {
    void vitest.cancelCurrentRun('keyboard-input');
    forceLater = setTimeout(stopByForce, STOP_BY_FORCE_AFTER_MS);
  };
  options.cancelWhen?.addEventListener('abort', cancel, { once: true });
  const wedged: string[] = [];
  const watchdog = watchHeartbeat(heartbeat, WEDGED_AFTER_MS, (silentForMs) => {
    if (options.cancelWhen?.aborted) return;
    const message = `the worker that runs the suites was busy for ${Math.round(silentForMs / 1000)} s without a break (a handler or hook that never returns?): the run stopped it, and the tests it was running did not finish`;
    wedged.push(message);
    options.onWedged?.(message);
    stopByForce();
  });
  // vitest marks the process as failed when a test fails; a FAIL cell is an outcome, not a fault of
  // this process, and a program calling runConformance decides its own exit code.
  const exitCodeBefore = process.exitCode;
  try {
    const { testModules, unhandledErrors } = await vitest.start([entry]);
    return [
      ...wedged,
      // A worker stopped by force leaves its module unfinished: that is said above.
      ...(wedged.length > 0 ? [] : testModules.flatMap(moduleProblems)),
      ...unhandledErrors.map(
        (error) => `unhandled error: ${(error as Error).message ?? String(error)}`,
      ),
    ];
  } finally {
    watchdog.stop();
    clearTimeout(forceLater);
    options.cancelWhen?.removeEventListener('abort', cancel);
    await vitest.close();
    process.exitCode = exitCodeBefore;
  }
}

function moduleProblems(module: TestModule): string[] {
  const loadFailures = [...module.children.allTests()]
    .filter((test) => test.name === LOAD_FAILURE_TITLE && test.meta().lro === undefined)
    .map((test) => {
      const file = test.parent.type === 'suite' ? test.parent.name : module.moduleId;
      const message = test.result().errors?.[0]?.message ?? 'unknown error';
      return `${file} could not run: ${message}`;
    });
  const moduleErrors = module
    .errors()
    .map((error) => `${relative(PACKAGE_ROOT, module.moduleId)} could not run: ${error.message}`);
  return [...loadFailures, ...moduleErrors];
}

const INTERRUPTS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function signalListeners(): Map<string, readonly unknown[]> {
  return new Map(INTERRUPTS.map((signal) => [signal, process.listeners(signal)]));
}

function dropListenersSince(before: Map<string, readonly unknown[]>): void {
  for (const signal of INTERRUPTS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.includes(listener)) process.off(signal, listener);
    }
  }
}
